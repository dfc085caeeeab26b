package dev.switchboard.crmbridge.ticket;

import java.time.Clock;

import dev.switchboard.contracts.TicketCommand;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores each command once, before the message is acknowledged; the drain applies it. A
 * redelivered command (same {@code commandId}) changes nothing. A command whose ticket id
 * is not a helpdesk id ({@link HelpdeskIds}) goes to the dead-letter queue with the
 * reason instead: it never reaches the ledger or the helpdesk.
 */
@Service
public class TicketCommandIntake {

	private final PendingCommands pending;

	private final DeadLetters deadLetters;

	private final Clock clock;

	public TicketCommandIntake(PendingCommands pending, DeadLetters deadLetters, Clock clock) {
		this.pending = pending;
		this.deadLetters = deadLetters;
		this.clock = clock;
	}

	@Transactional
	public Intake accept(TicketCommand command) {
		return accept(command, null);
	}

	/**
	 * @param sender the service the message says sent it (its AMQP {@code app_id}), kept
	 * with the command for the timeline; null when it does not say
	 */
	@Transactional
	public Intake accept(TicketCommand command, @Nullable String sender) {
		if (!HelpdeskIds.valid(command.ticketId())) {
			this.deadLetters.deadLetter(command, refusal(command.ticketId()));
			return Intake.REFUSED;
		}
		return this.pending.addIfAbsent(command, this.clock.instant(), sender) ? Intake.QUEUED : Intake.DUPLICATE;
	}

	static String refusal(String ticketId) {
		return "ticketId " + HelpdeskIds.quoted(ticketId) + " is not a helpdesk ticket id (" + HelpdeskIds.RULE
				+ "); the command was not applied";
	}

}
