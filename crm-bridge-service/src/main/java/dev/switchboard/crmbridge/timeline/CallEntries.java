package dev.switchboard.crmbridge.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.crmbridge.call.CallLog;
import dev.switchboard.crmbridge.call.CallNoteIds;
import dev.switchboard.crmbridge.call.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/**
 * A call's entries, from its log (every entry's ref is the {@code CallSid}): started,
 * ringing, answered, ended; a ticket created for it, or its log still waiting; and what
 * the notes crm-bridge queued about it are, for their first entry. Numbers are shown as
 * {@code GET /api/calls} shows them, in their readable form.
 */
final class CallEntries {

	private final PhoneNumbers numbers;

	CallEntries(PhoneNumbers numbers) {
		this.numbers = numbers;
	}

	/**
	 * @param endNoteQueued whether the call's end note went to the command ledger (else a
	 * logged call's ticket was created with it)
	 */
	List<TimelineEntry> of(CallLog log, boolean endNoteQueued) {
		String ref = log.callSid();
		List<TimelineEntry> entries = new ArrayList<>();
		entries.add(Entries.ok(startedAt(log), "call.started", started(log), ref));
		if (log.ringingAt() != null) {
			entries.add(Entries.ok(log.ringingAt(), "call.ringing", "Call " + ref + " ringing", ref));
		}
		if (log.answeredAt() != null) {
			Integer wait = log.waitSeconds();
			entries.add(Entries.ok(log.answeredAt(), "call.answered",
					"Call " + ref + " answered" + ((wait != null) ? " after " + wait + " s" : ""), ref));
		}
		Instant endedAt = log.endedAt();
		if (log.ended() && endedAt != null) {
			entries.add(Entries.of(endedAt, "call.ended", ended(log),
					"failed".equals(log.status()) ? TimelineEntry.FAILED : TimelineEntry.OK, ref));
			entries.addAll(logged(log, endedAt, endNoteQueued));
		}
		return entries;
	}

	/**
	 * What a note crm-bridge queued about the call is: the first entry of its command.
	 */
	static CommandEntries.Origin note(String kind, String callSid, String ticketId, @Nullable CallLog log) {
		return switch (kind) {
			case CallNoteIds.END -> new CommandEntries.Origin("call.logged", "Call " + callSid + " logged on ticket "
					+ ticketId + " as an internal note" + ((log != null) ? " (" + brief(log) + ")" : ""), callSid);
			case CallNoteIds.RECORDING -> new CommandEntries.Origin("call.noted",
					"Recording of call " + callSid + " noted on ticket " + ticketId, callSid);
			case CallNoteIds.VOICEMAIL -> new CommandEntries.Origin("call.noted",
					"Voicemail of call " + callSid + " noted on ticket " + ticketId, callSid);
			default -> new CommandEntries.Origin("call.noted",
					"Voicemail transcription of call " + callSid + " noted on ticket " + ticketId, callSid);
		};
	}

	private List<TimelineEntry> logged(CallLog log, Instant endedAt, boolean endNoteQueued) {
		String ref = log.callSid();
		if (!log.endNoteWritten()) {
			return List.of(Entries.of(endedAt, "call.log-waiting", "The log of call " + ref
					+ " waits for the call's earlier callbacks (at most crm-bridge.calls.end-note-grace) or for the helpdesk",
					TimelineEntry.PENDING, ref));
		}
		if (log.ticketId() == null) {
			return List.of(Entries.ok(endedAt, "call.kept-off-tickets", "Call " + ref
					+ " from a withheld number kept in the call log only (crm-bridge.calls.withheld-callers=call-log-only)",
					ref));
		}
		if (endNoteQueued) {
			return List.of();
		}
		return List.of(Entries.ok(endedAt, "ticket.created",
				"Ticket " + log.ticketId() + " created for "
						+ (log.missed() ? "the missed call from " : "the call from ") + caller(log)
						+ ", its log the first comment",
				ref));
	}

	/**
	 * When the call started: the log's start is the time of the first callback applied,
	 * which may be a later one when callbacks arrive out of order.
	 */
	private static Instant startedAt(CallLog log) {
		Instant started = log.startedAt();
		for (@Nullable
		Instant later : Arrays.asList(log.ringingAt(), log.answeredAt(), log.endedAt())) {
			if (later != null && later.isBefore(started)) {
				started = later;
			}
		}
		return started;
	}

	private String started(CallLog log) {
		if (log.inbound()) {
			return "Inbound call " + log.callSid() + " from " + caller(log) + " to " + shown(log.toNumber());
		}
		if (log.agentNumber() != null && "outbound-api".equals(log.direction())) {
			return "Click-to-call " + log.callSid() + (log.ticketId() != null ? " from ticket " + log.ticketId() : "")
					+ ": the agent's phone " + shown(log.agentNumber()) + " rings first, then " + shown(log.toNumber());
		}
		return "Outbound call " + log.callSid() + " to " + shown(log.toNumber());
	}

	private String ended(CallLog log) {
		StringBuilder line = new StringBuilder();
		if (log.missed() && log.inbound()) {
			line.append("Missed call ").append(log.callSid()).append(" (").append(log.status()).append(')');
		}
		else {
			line.append("Call ").append(log.callSid()).append(" ended (").append(brief(log)).append(')');
		}
		if (log.recordingUrl() != null) {
			line.append("; recorded");
		}
		if (log.voicemail().url() != null) {
			line.append("; voicemail left")
				.append((log.voicemail().seconds() != null) ? " (" + log.voicemail().seconds() + " s)" : "");
		}
		if (log.voicemail().transcription() != null) {
			line.append("; voicemail transcribed");
		}
		return line.toString();
	}

	private static String brief(CallLog log) {
		String direction = log.inbound() ? "inbound" : "outbound";
		return direction + ", " + log.status()
				+ ((log.durationSeconds() != null) ? ", " + log.durationSeconds() + " s" : "");
	}

	private String caller(CallLog log) {
		return shown(log.customerNumber());
	}

	/** A number as notes show it; a withheld, anonymous or unreadable one as such. */
	private String shown(@Nullable String raw) {
		if (raw == null) {
			return "a withheld number";
		}
		return this.numbers.e164(raw).map(this.numbers::display).orElse("a withheld number");
	}

}
