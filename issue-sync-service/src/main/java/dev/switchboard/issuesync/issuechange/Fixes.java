package dev.switchboard.issuesync.issuechange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.switchboard.issuesync.link.Cause;
import dev.switchboard.issuesync.tracker.Tracker;

/**
 * The merged pull requests that fix followed issues, and the close notes held for them.
 */
public interface Fixes {

	/** Records the fix (once per issue and pull request). */
	void record(Tracker tracker, String issueId, IssueFix fix);

	/** The issue's fixes, oldest merge first. */
	List<IssueFix> of(Tracker tracker, String issueId);

	/**
	 * The followed issues a merged pull request ({@code owner/repo#7}, any case) closes.
	 */
	List<String> closedBy(Tracker tracker, String pullRequest);

	/** Holds the issue's close note until it is due (replaces one held before). */
	void hold(Tracker tracker, String issueId, HeldNote note);

	/**
	 * Claims the fix-shipped note of the ticket about the issue for the release.
	 * @return whether the release may send it: it claimed it now, or claimed it before (a
	 * repeat sends the same ids); {@code false} when another release told the ticket
	 */
	boolean claimShippedNotice(Tracker tracker, String issueId, String ticketId, String releaseKey, Instant at);

	/** Whether a close note of the issue is held. */
	boolean held(Tracker tracker, String issueId);

	/** Removes and returns the issue's held close note (the issue's row is locked). */
	Optional<HeldNote> take(Tracker tracker, String issueId);

	/** Issues whose held close note is due. */
	List<String[]> due(Instant now, int limit);

	/**
	 * A close note waiting for its fix.
	 *
	 * @param cause the close: the note's command ids derive from it
	 * @param body the note without the fix
	 */
	record HeldNote(Cause cause, String body, Instant dueAt) {
	}

}
