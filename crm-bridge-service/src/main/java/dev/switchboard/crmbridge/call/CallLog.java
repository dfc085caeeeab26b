package dev.switchboard.crmbridge.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One call's log, as stored.
 *
 * @param maxSequence the highest {@code SequenceNumber} seen on the parent leg (-1: none)
 * @param seenSequences how many distinct parent-leg callbacks were seen
 * @param voicemail the voicemail the caller left and its transcription, as far as known
 */
public record CallLog(String callSid, String direction, String status, @Nullable String fromNumber,
		@Nullable String toNumber, @Nullable String agentNumber, @Nullable String ticketId, Instant startedAt,
		@Nullable Instant ringingAt, @Nullable Instant answeredAt, @Nullable Instant endedAt,
		@Nullable Integer durationSeconds, @Nullable String recordingUrl, int maxSequence, int seenSequences,
		boolean endNoteWritten, boolean recordingNoted, String correlationId, Voicemail voicemail) {

	/**
	 * A voicemail (a recording the caller left, e.g. by TwiML {@code <Record>}) and its
	 * transcription, each of which arrives on its own callback, in any order.
	 *
	 * @param url the recording
	 * @param seconds its length
	 * @param transcription its text
	 * @param noted the recording is on the ticket
	 * @param transcriptionNoted the transcription is on the ticket
	 */
	public record Voicemail(@Nullable String url, @Nullable Integer seconds, @Nullable String transcription,
			boolean noted, boolean transcriptionNoted) {

		/** No voicemail (yet). */
		public static final Voicemail NONE = new Voicemail(null, null, null, false, false);

		/** What a callback adds to what is known. */
		public Voicemail merge(@Nullable Voicemail offered) {
			if (offered == null) {
				return this;
			}
			return new Voicemail((this.url != null) ? this.url : offered.url,
					(this.seconds != null) ? this.seconds : offered.seconds,
					(this.transcription != null) ? this.transcription : offered.transcription, this.noted,
					this.transcriptionNoted);
		}

		/** Marks on the ticket what is known now. */
		public Voicemail notedNow() {
			return new Voicemail(this.url, this.seconds, this.transcription, this.noted || this.url != null,
					this.transcriptionNoted || this.transcription != null);
		}

	}

	private static final Set<String> TERMINAL = Set.of("completed", "busy", "no-answer", "failed", "canceled");

	private static final Set<String> MISSED = Set.of("busy", "no-answer", "failed", "canceled");

	public boolean ended() {
		return TERMINAL.contains(this.status);
	}

	/** Nobody answered: a missed call for an inbound call. */
	public boolean missed() {
		return MISSED.contains(this.status) || ("completed".equals(this.status) && this.answeredAt == null
				&& this.durationSeconds != null && this.durationSeconds == 0);
	}

	public boolean inbound() {
		return "inbound".equals(this.direction);
	}

	/** Every parent-leg callback up to the last one has arrived. */
	public boolean complete() {
		return this.seenSequences >= this.maxSequence + 1;
	}

	public @Nullable Integer waitSeconds() {
		if (this.ringingAt == null || this.answeredAt == null || this.answeredAt.isBefore(this.ringingAt)) {
			return null;
		}
		return (int) Duration.between(this.ringingAt, this.answeredAt).toSeconds();
	}

	/** The customer's number: the caller of an inbound call, the callee otherwise. */
	public @Nullable String customerNumber() {
		return inbound() ? this.fromNumber : this.toNumber;
	}

}
