package dev.switchboard.crmbridge.ticket;

import java.time.Instant;
import java.util.List;

/**
 * Per-ticket state: the row lock, parking, follow-ups, our own writes, and status changes
 * made by others.
 */
public interface TicketHistory {

	/** Creates the ticket's row if needed and locks it until the transaction ends. */
	TicketState lock(String ticketId);

	/** No write to the ticket before {@code until}. */
	void park(String ticketId, Instant until);

	/** Counts a failed attempt; returns the number of consecutive failures. */
	int failed(String ticketId);

	/** The ticket was written: no parking, no failures. */
	void succeeded(String ticketId);

	void rememberFollowUp(String ticketId, String followUpTicketId, Instant at);

	void followUpAnnounced(String ticketId, Instant at);

	/**
	 * The follow-ups the ticket has or is (at most one each way: its own, and the closed
	 * ticket it follows up).
	 */
	List<FollowUp> followUpsOf(String ticketId);

	/** Tickets whose follow-up was created but not yet published. */
	List<String> unannouncedFollowUps();

	void recordWrite(String ticketId, Instant at, String updatedStamp);

	/** When Switchboard wrote the ticket since {@code since}, oldest first. */
	List<Instant> writesSince(String ticketId, Instant since);

	boolean isOwnWrite(String ticketId, String updatedStamp);

	/**
	 * Records a status change seen in a helpdesk event, unless an event at a later time
	 * was recorded already.
	 * @return whether it is the newest status event of the ticket
	 */
	boolean statusEventSeen(String ticketId, Instant occurredAt, boolean bySwitchboard);

	/**
	 * Records a change of the ticket's subject or description (or its creation) seen in a
	 * helpdesk event, unless an event at a later time was recorded already.
	 * @return whether it is the newest such event of the ticket
	 */
	boolean contentEventSeen(String ticketId, Instant occurredAt);

}
