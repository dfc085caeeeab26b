package dev.switchboard.crmbridge.call;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Applies a callback to a call log, whatever order callbacks arrive in: the status only
 * moves forward (queued/initiated → ringing → in-progress → an end state), times are kept
 * from the callback that reports them, later data (duration, recording, voicemail and its
 * transcription) fills in.
 */
public final class CallProgress {

	private static final List<String> ORDER = List.of("queued", "initiated", "ringing", "in-progress", "completed",
			"busy", "no-answer", "failed", "canceled");

	private CallProgress() {
	}

	public static CallLog apply(CallLog log, CallCallback callback) {
		String status = callback.status();
		if (callback.childLeg()) {
			boolean agentAnswered = "in-progress".equals(status) || "completed".equals(status);
			return copy(log, log.status(), log.fromNumber(), log.toNumber(),
					(log.agentNumber() != null) ? log.agentNumber() : callback.to(), log.ringingAt(),
					(agentAnswered && log.answeredAt() == null) ? callback.timestamp() : log.answeredAt(),
					log.endedAt(), log.durationSeconds(), recording(log, callback), log.maxSequence(),
					log.seenSequences(), log.voicemail().merge(callback.voicemail()));
		}
		String newStatus = (status != null && rank(status) > rank(log.status())) ? status : log.status();
		boolean ending = status != null && rank(status) >= rank("completed");
		int sequence = (callback.sequenceNumber() != null) ? callback.sequenceNumber() : 0;
		return copy(log, newStatus, first(log.fromNumber(), callback.from()), first(log.toNumber(), callback.to()),
				log.agentNumber(),
				("ringing".equals(status) && log.ringingAt() == null) ? callback.timestamp() : log.ringingAt(),
				("in-progress".equals(status) && log.answeredAt() == null) ? callback.timestamp() : log.answeredAt(),
				(ending && log.endedAt() == null) ? callback.timestamp() : log.endedAt(),
				(callback.durationSeconds() != null) ? callback.durationSeconds() : log.durationSeconds(),
				recording(log, callback), Math.max(log.maxSequence(), (status != null) ? sequence : -1),
				log.seenSequences() + ((status != null) ? 1 : 0), log.voicemail().merge(callback.voicemail()));
	}

	static int rank(String status) {
		int index = ORDER.indexOf(status);
		return (index < 0) ? -1 : Math.min(index, ORDER.indexOf("completed"));
	}

	private static @Nullable String recording(CallLog log, CallCallback callback) {
		return (callback.recordingUrl() != null) ? callback.recordingUrl() : log.recordingUrl();
	}

	private static @Nullable String first(@Nullable String current, @Nullable String offered) {
		return (current != null) ? current : offered;
	}

	private static CallLog copy(CallLog log, String status, @Nullable String from, @Nullable String to,
			@Nullable String agent, @Nullable Instant ringing, @Nullable Instant answered, @Nullable Instant ended,
			@Nullable Integer duration, @Nullable String recording, int maxSequence, int seen,
			CallLog.Voicemail voicemail) {
		return new CallLog(log.callSid(), log.direction(), status, from, to, agent, log.ticketId(), log.startedAt(),
				ringing, answered, ended, duration, recording, maxSequence, seen, log.endNoteWritten(),
				log.recordingNoted(), log.correlationId(), voicemail);
	}

}
