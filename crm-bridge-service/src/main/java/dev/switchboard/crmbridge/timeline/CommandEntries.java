package dev.switchboard.crmbridge.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.AddPublicReply;
import dev.switchboard.contracts.AddTags;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.SetField;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.crmbridge.ticket.RecordedCommand;
import org.jspecify.annotations.Nullable;

/**
 * A command's entries: how it came (received on {@code tickets.commands}, or written by
 * crm-bridge itself about a call), then what became of it (failed attempts, applied,
 * found applied by its marker, dropped, dead-lettered, or still waiting or sent with its
 * outcome unknown). Never a note's text: a public reply may carry a join link.
 */
final class CommandEntries {

	private static final int LONGEST_VALUE = 80;

	private CommandEntries() {
	}

	/**
	 * What a command crm-bridge wrote itself is about, for its first entry.
	 *
	 * @param ref the call it is about, or null
	 */
	record Origin(String kind, String summary, @Nullable String ref) {
	}

	/**
	 * @param subject the ticket the timeline is about (null for a call's timeline): a
	 * command for another ticket (applied here as its follow-up) says which
	 * @param origin what the command is about when crm-bridge wrote it, if known
	 */
	static List<TimelineEntry> of(RecordedCommand recorded, @Nullable String subject, @Nullable Origin origin) {
		TicketCommand command = recorded.command();
		String name = recorded.type() + " " + command.commandId();
		@Nullable String ref = (origin != null) ? origin.ref() : null;
		List<TimelineEntry> entries = new ArrayList<>();
		entries.add(arrival(recorded, subject, origin, name));
		Instant failedAt = recorded.lastFailedAt();
		if (recorded.failedAttempts() > 0 && failedAt != null) {
			entries.add(Entries.of(failedAt, "command.attempt-failed", failures(recorded, name),
					outcomeOfFailures(recorded), ref));
		}
		Instant settledAt = (recorded.settledAt() != null) ? recorded.settledAt() : recorded.receivedAt();
		switch (recorded.state()) {
			case RecordedCommand.APPLIED -> entries
				.add(Entries.ok(settledAt, recorded.foundOnTicket() ? "command.found-applied" : "command.applied",
						applied(recorded, name), ref));
			case RecordedCommand.DROPPED ->
				entries.add(Entries.ok(settledAt, "command.dropped", name + " dropped: " + reason(recorded), ref));
			case RecordedCommand.DEAD_LETTERED -> entries.add(Entries.of(settledAt, "command.dead-lettered",
					name + " dead-lettered (tickets.commands.crm-bridge-service.dlq): " + reason(recorded),
					TimelineEntry.FAILED, ref));
			default -> {
				if (recorded.failedAttempts() == 0) {
					entries.add(waiting(recorded, name, ref));
				}
			}
		}
		return entries;
	}

	private static TimelineEntry arrival(RecordedCommand recorded, @Nullable String subject, @Nullable Origin origin,
			String name) {
		if (origin != null) {
			return Entries.ok(recorded.receivedAt(), origin.kind(), origin.summary(), origin.ref());
		}
		String ticket = recorded.command().ticketId();
		String forTicket = ticket.equals(subject) ? "" : " for ticket " + ticket;
		String summary;
		if (ServiceNames.CRM_BRIDGE.equals(recorded.sender())) {
			summary = name + forTicket + " written by crm-bridge-service";
		}
		else if (recorded.sender() != null) {
			summary = name + forTicket + " received from " + recorded.sender();
		}
		else {
			summary = name + forTicket + " received on tickets.commands (the message names no sender)";
		}
		String kind = ServiceNames.CRM_BRIDGE.equals(recorded.sender()) ? "command.queued" : "command.received";
		return Entries.ok(recorded.receivedAt(), kind, summary + details(recorded.command()), null);
	}

	private static String details(TicketCommand command) {
		return switch (command) {
			case AddInternalNote note -> "";
			case AddPublicReply reply -> "";
			case Reopen reopen -> "";
			case SetField field -> ": field " + value(field.fieldId()) + " = "
					+ ((field.value() != null) ? value(field.value()) : "(cleared)");
			case AddTags tags -> ": tags " + value(String.join(", ", tags.tags()));
		};
	}

	private static String applied(RecordedCommand recorded, String name) {
		String target = (recorded.appliedTo() != null) ? recorded.appliedTo() : recorded.command().ticketId();
		String where = target.equals(recorded.command().ticketId()) ? "ticket " + target
				: "ticket " + target + ", the follow-up of closed ticket " + recorded.command().ticketId();
		if (recorded.foundOnTicket()) {
			return name + " found applied on " + where
					+ " (its marker was there: an earlier update's answer was lost); not sent again";
		}
		return name + " applied to " + where;
	}

	private static String failures(RecordedCommand recorded, String name) {
		String attempts = (recorded.failedAttempts() == 1) ? "1 failed attempt"
				: recorded.failedAttempts() + " failed attempts";
		String last = (recorded.lastFailure() != null) ? ", the last: helpdesk " + recorded.lastFailure() : "";
		Instant next = recorded.notBefore();
		String retry = (RecordedCommand.PENDING.equals(recorded.state()) && next != null)
				? "; next attempt after " + next : "";
		return name + ": " + attempts + last + retry;
	}

	private static String outcomeOfFailures(RecordedCommand recorded) {
		return switch (recorded.state()) {
			case RecordedCommand.PENDING -> TimelineEntry.PENDING;
			case RecordedCommand.DEAD_LETTERED -> TimelineEntry.FAILED;
			default -> TimelineEntry.OK;
		};
	}

	private static TimelineEntry waiting(RecordedCommand recorded, String name, @Nullable String ref) {
		Instant sentAt = recorded.sentAt();
		if (sentAt != null) {
			return Entries.of(sentAt, "command.sent", name
					+ " sent to the helpdesk, outcome unknown: its marker is looked for on the ticket before it is sent again",
					TimelineEntry.PENDING, ref);
		}
		Instant parked = recorded.notBefore();
		String until = (parked != null) ? " (the ticket is parked until " + parked + ")" : "";
		return Entries.of(recorded.receivedAt(), "command.waiting", name + " waits to be applied" + until,
				TimelineEntry.PENDING, ref);
	}

	private static String reason(RecordedCommand recorded) {
		return (recorded.reason() != null) ? recorded.reason() : "no reason recorded";
	}

	private static String value(String value) {
		return Entries.oneLine(value, LONGEST_VALUE);
	}

}
