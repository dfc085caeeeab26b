package dev.switchboard.gateway.summary;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the helpdesk app shows beside one ticket.
 *
 * @param issues the issues linked to the ticket, as issue-sync last read them
 * @param calls the requester's recent calls, newest first
 * @param sessions the ticket's remote sessions, newest first
 * @param incident an open status incident the ticket was found to concern, if any
 * @param missing the services that did not answer in time: their part is empty
 */
public record TicketSummary(String ticketId, List<LinkedIssue> issues, List<Call> calls, List<RemoteSession> sessions,
		@Nullable Incident incident, List<String> missing) {

	public TicketSummary {
		issues = List.copyOf(issues);
		calls = List.copyOf(calls);
		sessions = List.copyOf(sessions);
		missing = List.copyOf(missing);
	}

}
