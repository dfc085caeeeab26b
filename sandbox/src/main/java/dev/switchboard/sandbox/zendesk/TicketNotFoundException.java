package dev.switchboard.sandbox.zendesk;

/** No ticket with that id: Zendesk answers 404 RecordNotFound. */
public class TicketNotFoundException extends RuntimeException {

	TicketNotFoundException(long ticketId) {
		super("no ticket " + ticketId);
	}

}
