package dev.switchboard.gateway.summary;

import java.util.List;
import java.util.Optional;

/**
 * The services' parts of a ticket's summary, each from the service that owns it. Every
 * method throws a {@link RuntimeException} when its service cannot be reached, times out
 * or answers something else than its part.
 */
public interface SummarySources {

	/** issue-sync: the ticket's links with their issues. */
	List<LinkedIssue> issues(String ticketId);

	/** crm-bridge: the ticket requester's recent calls, newest first. */
	List<Call> calls(String ticketId);

	/** remote-session: the ticket's sessions, newest first. */
	List<RemoteSession> sessions(String ticketId);

	/** statuspage-feed: an open incident the ticket concerns. */
	Optional<Incident> incident(String ticketId);

}
