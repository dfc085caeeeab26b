package dev.switchboard.issuesync.link;

import java.time.Instant;
import java.util.UUID;

import dev.switchboard.issuesync.history.HistoryEntry;
import dev.switchboard.issuesync.history.HistoryEntry.Kind;
import dev.switchboard.issuesync.history.HistoryEntry.Outcome;
import dev.switchboard.issuesync.tracker.IssueLocator;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.TrackerFailure;

/**
 * The history entries of linking: what was linked, unlinked, moved, parked or refused.
 */
final class LinkHistory {

	private LinkHistory() {
	}

	static HistoryEntry created(Link link, IssueSnapshot issue, UUID noteId) {
		return HistoryEntry.ofTicket(HistoryEntry.idOf("link-created", noteId.toString()), link.createdAt(),
				link.ticketId(), issue, Kind.LINK_CREATED, Outcome.OK, "Ticket " + link.ticketId() + " linked to "
						+ named(issue) + " (" + issue.state() + "); note sent (command " + noteId + ")",
				link.id());
	}

	static HistoryEntry removed(Link link, IssueSnapshot issue, UUID noteId, Instant at) {
		return HistoryEntry.ofTicket(HistoryEntry.idOf("link-removed", noteId.toString()), at, link.ticketId(), issue,
				Kind.LINK_REMOVED, Outcome.OK,
				"Ticket " + link.ticketId() + " unlinked from " + named(issue) + "; note sent (command " + noteId + ")",
				link.id());
	}

	static HistoryEntry movedAway(Link link, String followUpTicketId, IssueSnapshot issue, Instant at) {
		return HistoryEntry.ofTicket(
				HistoryEntry.idOf("link-moved", link.id().toString(), followUpTicketId, at.toString()), at,
				link.ticketId(), issue, Kind.LINK_MOVED, Outcome.OK,
				"Ticket " + link.ticketId() + " was closed; its link to " + issue.displayName()
						+ " moved to its follow-up ticket " + followUpTicketId,
				Link.idOf(followUpTicketId, link.tracker(), link.issueId()));
	}

	static HistoryEntry takenOver(Link link, String closedTicketId, IssueSnapshot issue, Instant at) {
		return HistoryEntry.ofTicket(
				HistoryEntry.idOf("link-taken-over", link.id().toString(), closedTicketId, at.toString()), at,
				link.ticketId(), issue, Kind.LINK_CREATED, Outcome.OK, "Ticket " + link.ticketId() + " linked to "
						+ named(issue) + " (" + issue.state() + "), taken over from closed ticket " + closedTicketId,
				link.id());
	}

	/** A link request waits for the tracker (rate limit, outage, refused credentials). */
	static HistoryEntry parked(String ticketId, IssueLocator issue, Cause cause, TrackerFailure failure,
			Instant retryAt, Instant at) {
		return HistoryEntry.ofLinkRequest(HistoryEntry.idOf("link-parked", cause.id("parked").toString()), at, ticketId,
				issue, Kind.LINK_PARKED, Outcome.PENDING, "Link of ticket " + ticketId + " to " + displayName(issue)
						+ " waits: " + failure.getMessage() + "; retried from " + retryAt);
	}

	/** A link request given up: the agent was told in the ticket. */
	static HistoryEntry failed(String ticketId, IssueLocator issue, Cause cause, String reason, Instant at) {
		UUID noteId = cause.id("could-not-link");
		return HistoryEntry.ofLinkRequest(HistoryEntry.idOf("link-failed", noteId.toString()), at, ticketId, issue,
				Kind.LINK_FAILED, Outcome.FAILED, "Could not link ticket " + ticketId + " to " + displayName(issue)
						+ ": " + reason + "; the agent was told (command " + noteId + ")");
	}

	private static String named(IssueSnapshot issue) {
		return issue.displayName() + " \"" + issue.title() + "\"";
	}

	private static String displayName(IssueLocator issue) {
		return issue.tracker().displayName() + " " + issue.key();
	}

}
