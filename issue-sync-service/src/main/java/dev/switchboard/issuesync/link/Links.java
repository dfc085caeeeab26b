package dev.switchboard.issuesync.link;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.issuesync.tracker.Tracker;

/**
 * Stored links; the database's unique key on ticket and issue decides concurrent adds.
 */
public interface Links {

	/**
	 * @return {@code false} when the ticket and issue were linked already
	 */
	boolean add(Link link);

	Optional<Link> byId(UUID id);

	List<Link> ofTicket(String ticketId);

	List<Link> ofIssue(Tracker tracker, String issueId);

	boolean remove(UUID id);

	/**
	 * Moves a ticket's links to another ticket (a follow-up); returns the links moved.
	 */
	List<Link> moveTicket(String fromTicketId, String toTicketId);

	/** Points every link of an issue at the issue's new id (GitHub transfer). */
	List<Link> rekey(Tracker tracker, String oldIssueId, String newIssueId);

}
