package dev.switchboard.crmbridge.ticket;

/**
 * The helpdesk's tickets and users (a Zendesk Support–compatible API). Every method
 * throws {@link HelpdeskException} with a {@link HelpdeskFailure}.
 */
public interface Helpdesk {

	/** Whether credentials are configured; without them nothing is written. */
	boolean configured();

	HelpdeskTicket read(String ticketId);

	/**
	 * Applies the update only if the ticket is still at {@code updatedStamp}
	 * ({@code safe_update}); a conflict fails with {@link HelpdeskFailure.Conflict}. An
	 * update that carries a comment is never sent twice blindly: after a failure whose
	 * outcome is unknown (a timeout, a reset connection, a 5xx) it is sent again only if
	 * {@link #commandsOn} does not find it on the ticket.
	 * @return the ticket after the update
	 */
	HelpdeskTicket update(String ticketId, TicketUpdate update, String updatedStamp);

	/**
	 * Which of the commands are on the ticket already: the ones whose marker is on one of
	 * its most recent comments ({@link TicketUpdate#commandIds}). Asked before an update
	 * whose outcome is unknown is sent again.
	 */
	java.util.Set<java.util.UUID> commandsOn(String ticketId, java.util.Collection<java.util.UUID> commandIds);

	/**
	 * Creates a follow-up of a closed ticket carrying the update (with an idempotency key
	 * derived from the closed ticket, so a retried request creates one follow-up).
	 */
	HelpdeskTicket createFollowUp(String closedTicketId, TicketUpdate update);

	/**
	 * The user, possibly as looked up a while ago (cached up to
	 * {@code crm-bridge.zendesk.user-cache-ttl}).
	 */
	HelpdeskUser user(String userId);

	/**
	 * The user as the helpdesk has them now (the cache refreshed with it): asked before a
	 * command is refused for something the cached profile lacks, e.g. a phone number
	 * added since.
	 */
	HelpdeskUser freshUser(String userId);

	/**
	 * End users whose phone ends with the given digits (the helpdesk keeps numbers in any
	 * format); the caller compares the numbers it gets back.
	 */
	java.util.List<HelpdeskUser> endUsersByPhone(String digits);

	HelpdeskUser createEndUser(String name, String phone);

	/** The user's requested tickets, most recently updated first. */
	java.util.List<HelpdeskTicket> requestedTickets(String userId);

	/**
	 * Creates a ticket (requester optional) carrying the update's comment; the helpdesk
	 * creates one ticket per {@code idempotencyKey} however often the request is
	 * repeated.
	 */
	HelpdeskTicket createTicket(String subject, @org.jspecify.annotations.Nullable String requesterId,
			TicketUpdate update, String idempotencyKey);

	/** Whether the user is the account Switchboard writes with. */
	boolean isSwitchboard(HelpdeskUser user);

}
