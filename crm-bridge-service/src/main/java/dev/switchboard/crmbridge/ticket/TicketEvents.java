package dev.switchboard.crmbridge.ticket;

import dev.switchboard.contracts.TicketEvent;

/** {@code tickets.events}: what happened to tickets, for the other services. */
public interface TicketEvents {

	void publish(TicketEvent event);

}
