package dev.switchboard.crmbridge.ticket;

import dev.switchboard.contracts.TicketCommand;

/**
 * The dead-letter queue of {@code tickets.commands}: commands that cannot be applied go
 * there with the reason, for inspection and replay through the gateway.
 */
public interface DeadLetters {

	void deadLetter(TicketCommand command, String reason);

}
