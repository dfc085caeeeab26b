package dev.switchboard.issuesync.history;

import java.time.Instant;
import java.util.List;

import dev.switchboard.issuesync.tracker.Tracker;
import org.jspecify.annotations.Nullable;

/**
 * The record of what issue-sync did, per ticket and per issue. Entries are written in the
 * transaction of what they record (so a rollback leaves none) and never changed.
 */
public interface History {

	/**
	 * Records the entries in the caller's transaction; an entry whose id is recorded
	 * already (a repeat of the same cause) is left as it is.
	 */
	void record(List<HistoryEntry> entries);

	/** The ticket's link entries (created, removed, moved away), oldest first. */
	List<HistoryEntry> linkEntriesOfTicket(String ticketId);

	/**
	 * What concerns a ticket: its own entries, and the entries about each issue as a
	 * whole within the span the ticket was linked to it; oldest first (in the order
	 * written within one instant), at most {@code limit}.
	 */
	List<HistoryEntry> ofTicket(String ticketId, List<Span> spans, int limit);

	/**
	 * Everything about an issue: the entries with its id (about it as a whole and about
	 * each ticket), and the link requests that named it by key before its id was known;
	 * oldest first, at most {@code limit}.
	 * @param issueId the tracker's id, or {@code null} when issue-sync does not follow
	 * the issue
	 */
	List<HistoryEntry> ofIssue(Tracker tracker, @Nullable String issueId, String issueKey, int limit);

	/**
	 * When a ticket was linked to an issue: from its first link, until the link was
	 * removed ({@code null}: still linked).
	 */
	record Span(Tracker tracker, String issueId, Instant from, @Nullable Instant to) {
	}

}
