package dev.switchboard.crmbridge.call;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.crmbridge.ticket.Helpdesk;
import dev.switchboard.crmbridge.ticket.HelpdeskTicket;
import dev.switchboard.crmbridge.ticket.HelpdeskUser;
import dev.switchboard.crmbridge.ticket.PendingCommands;
import dev.switchboard.crmbridge.ticket.RequestBudget;
import dev.switchboard.crmbridge.ticket.TicketHistory;
import dev.switchboard.crmbridge.ticket.TicketUpdate;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Writes a call's notes: the end note once (on the call's ticket, the caller's recent
 * ticket, or a new ticket whose subject and requester the bridge sets), with what is
 * known of a recording or voicemail by then, and one more note only for each of a
 * recording, a voicemail and a voicemail's transcription that arrives later. Notes on
 * existing tickets go through the command queue (stored in the same transaction as the
 * call log, with ids derived from the call), so they are applied exactly once within the
 * helpdesk's limits. Finding the caller and their ticket takes helpdesk requests: while
 * the account's request budget is spent, the end note waits (the log stays ended and not
 * noted) and the end-note job takes it up again after {@code end-note-grace}, so that
 * many consumers ending calls at once do not go beyond the budget.
 */
@Component
public class CallNotes {

	private final CallerTickets callers;

	private final Helpdesk helpdesk;

	private final PendingCommands commands;

	private final TicketHistory history;

	private final PhoneNumbers numbers;

	private final CallMetrics metrics;

	private final RequestBudget budget;

	private final CallProperties properties;

	private final Clock clock;

	public CallNotes(CallerTickets callers, Helpdesk helpdesk, PendingCommands commands, TicketHistory history,
			PhoneNumbers numbers, CallMetrics metrics, RequestBudget budget, CallProperties properties, Clock clock) {
		this.callers = callers;
		this.properties = properties;
		this.helpdesk = helpdesk;
		this.commands = commands;
		this.history = history;
		this.numbers = numbers;
		this.metrics = metrics;
		this.budget = budget;
		this.clock = clock;
	}

	/**
	 * @return the log with its ticket and the note flags set; unchanged while the
	 * helpdesk request budget is spent and the caller's ticket is still to be found
	 */
	public CallLog writeEndNote(CallLog log) {
		String ticketId = log.ticketId();
		String body;
		if (ticketId == null) {
			if (this.budget.exhaustedFor().isPresent()) {
				return log;
			}
			CallerTickets.Choice choice = this.callers.choose(log.customerNumber(), endOf(log));
			if (choice.number() == null
					&& this.properties.withheldCallers() == CallProperties.WithheldCallers.CALL_LOG_ONLY) {
				// a withheld caller, kept out of the helpdesk by configuration
				return noted(log, null);
			}
			body = endNote(log, choice);
			HelpdeskTicket ticket = choice.ticket();
			if (ticket == null) {
				HelpdeskUser requester = choice.user();
				String caller = (choice.number() != null) ? this.numbers.display(choice.number()) : "a withheld number";
				String subject = (log.missed() ? "Missed call from " : "Call from ") + caller;
				HelpdeskTicket created = this.helpdesk.createTicket(subject,
						(requester != null) ? requester.id() : null,
						new TicketUpdate(new TicketUpdate.Comment(body, false), null, java.util.List.of(),
								java.util.Map.of()),
						"switchboard-call-" + log.callSid());
				this.history.recordWrite(created.id(), this.clock.instant(), created.updatedStamp());
				return noted(log, created.id());
			}
			ticketId = ticket.id();
		}
		else {
			body = endNote(log, null);
		}
		this.commands.addIfAbsent(
				AddInternalNote.of(id(CallNoteIds.END, log), log.correlationId(), ticketId, endOf(log), body),
				this.clock.instant(), ServiceNames.CRM_BRIDGE);
		return noted(log, ticketId);
	}

	/**
	 * One more note for each of a recording, a voicemail and a voicemail's transcription
	 * that arrived after the end note and is not on the ticket yet.
	 */
	public CallLog writeLateNotes(CallLog log) {
		String ticketId = log.ticketId();
		if (ticketId == null) {
			return log;
		}
		boolean recordingNoted = log.recordingNoted();
		if (log.recordingUrl() != null && !recordingNoted) {
			note(log, ticketId, CallNoteIds.RECORDING,
					"Recording of the call " + log.callSid() + ": " + log.recordingUrl());
			recordingNoted = true;
		}
		CallLog.Voicemail voicemail = log.voicemail();
		if (voicemail.url() != null && !voicemail.noted()) {
			StringBuilder note = new StringBuilder("Voicemail from ").append(caller(log));
			appendVoicemail(note.append('\n'), voicemail);
			note.append("\nCall: ").append(log.callSid());
			note(log, ticketId, CallNoteIds.VOICEMAIL, note.toString());
			voicemail = voicemail.notedNow();
		}
		else if (voicemail.transcription() != null && !voicemail.transcriptionNoted()) {
			note(log, ticketId, CallNoteIds.TRANSCRIPTION,
					"Voicemail transcription (call " + log.callSid() + "):\n" + voicemail.transcription());
			voicemail = voicemail.notedNow();
		}
		return flags(log, ticketId, true, recordingNoted, voicemail);
	}

	private void note(CallLog log, String ticketId, String kind, String body) {
		this.commands.addIfAbsent(AddInternalNote.of(id(kind, log), log.correlationId(), ticketId, endOf(log), body),
				this.clock.instant(), ServiceNames.CRM_BRIDGE);
	}

	private CallLog noted(CallLog log, @Nullable String ticketId) {
		this.metrics.ended(log.status(), log.missed(), log.waitSeconds());
		return flags(log, ticketId, true, log.recordingUrl() != null, log.voicemail().notedNow());
	}

	private static void appendVoicemail(StringBuilder note, CallLog.Voicemail voicemail) {
		if (voicemail.url() != null) {
			note.append("Voicemail");
			if (voicemail.seconds() != null) {
				note.append(" (").append(voicemail.seconds()).append(" s)");
			}
			note.append(": ").append(voicemail.url());
		}
		if (voicemail.transcription() != null) {
			if (voicemail.url() != null) {
				note.append('\n');
			}
			note.append("Voicemail transcription:\n").append(voicemail.transcription());
		}
	}

	private String caller(CallLog log) {
		String customer = (log.customerNumber() != null) ? this.numbers.e164(log.customerNumber()).orElse(null) : null;
		return (customer != null) ? this.numbers.display(customer) : "a withheld number";
	}

	private String endNote(CallLog log, CallerTickets.@Nullable Choice choice) {
		String customer = (log.customerNumber() != null) ? this.numbers.e164(log.customerNumber()).orElse(null) : null;
		StringBuilder note = new StringBuilder();
		if (log.missed() && log.inbound()) {
			note.append("Missed call from ").append(caller(log));
			note.append(" (").append(log.status()).append(").");
			if (customer != null) {
				note.append("\nCall back: tel:").append(customer);
			}
		}
		else {
			note.append(log.inbound() ? "Inbound call" : "Outbound call").append(" (").append(log.status()).append(")");
		}
		note.append("\nFrom: ").append(display(log.fromNumber())).append("\nTo: ").append(display(log.toNumber()));
		if (log.agentNumber() != null) {
			note.append("\nAgent: ").append(display(log.agentNumber()));
		}
		note.append("\nStarted: ").append(log.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		if (log.waitSeconds() != null) {
			note.append("\nWait before answer: ").append(log.waitSeconds()).append(" s");
		}
		if (log.durationSeconds() != null) {
			note.append("\nDuration: ").append(log.durationSeconds()).append(" s");
		}
		if (log.recordingUrl() != null) {
			note.append("\nRecording: ").append(log.recordingUrl());
		}
		if (log.voicemail().url() != null || log.voicemail().transcription() != null) {
			appendVoicemail(note.append('\n'), log.voicemail());
		}
		note.append("\nCall: ").append(log.callSid());
		if (choice != null && !choice.candidates().isEmpty()) {
			note.append("\nSeveral contacts have this number:");
			choice.candidates()
				.forEach((user) -> note.append("\n- ")
					.append(user.name())
					.append(" (user ")
					.append(user.id())
					.append(")"));
		}
		return note.toString();
	}

	private String display(@Nullable String number) {
		if (number == null) {
			return "withheld";
		}
		// anonymous, restricted and client:/sip: identities are not phone numbers to show
		return this.numbers.e164(number).map(this.numbers::display).orElse("withheld");
	}

	private static Instant endOf(CallLog log) {
		return (log.endedAt() != null) ? log.endedAt() : log.startedAt();
	}

	private static UUID id(String kind, CallLog log) {
		return CallNoteIds.of(kind, log.callSid());
	}

	private static CallLog flags(CallLog log, @Nullable String ticketId, boolean endNote, boolean recordingNoted,
			CallLog.Voicemail voicemail) {
		return new CallLog(log.callSid(), log.direction(), log.status(), log.fromNumber(), log.toNumber(),
				log.agentNumber(), ticketId, log.startedAt(), log.ringingAt(), log.answeredAt(), log.endedAt(),
				log.durationSeconds(), log.recordingUrl(), log.maxSequence(), log.seenSequences(), endNote,
				recordingNoted, log.correlationId(), voicemail);
	}

}
