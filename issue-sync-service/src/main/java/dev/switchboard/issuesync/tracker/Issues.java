package dev.switchboard.issuesync.tracker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The issues followed, with the last state applied to each. */
public interface Issues {

	/**
	 * Stores a fresh read unless a newer state is stored (locks the row).
	 */
	void saveIfNotOlder(IssueSnapshot issue);

	/**
	 * Stores the issue unless it is stored; waits for a transaction inserting it
	 * concurrently.
	 * @return whether this call stored it
	 */
	boolean insertIfAbsent(IssueSnapshot issue);

	/** Reads the issue and locks its row until the transaction ends. */
	Optional<IssueSnapshot> lock(Tracker tracker, String issueId);

	void save(IssueSnapshot issue);

	Optional<IssueSnapshot> find(Tracker tracker, String issueId);

	Optional<IssueSnapshot> byKey(Tracker tracker, String key);

	/** Records that an issue now lives under another id (GitHub transfer). */
	void movedTo(Tracker tracker, String oldIssueId, String newIssueId);

	/**
	 * The linked issues reconciliation re-reads: every open one, and closed ones whose
	 * last change is at or after {@code closedSince} (a reopen whose webhook was lost is
	 * still seen), oldest change first.
	 */
	List<IssueSnapshot> toReconcile(Instant closedSince);

	/** The issue's report comment needs writing. */
	void reportChanged(Tracker tracker, String issueId);

	List<ReportDue> reportsDue(Instant now, int limit);

	void reportWritten(Tracker tracker, String issueId, String commentId);

	/**
	 * Whether the comment is one Switchboard wrote (the own-write ledger: the report
	 * comments it created).
	 */
	boolean isOwnComment(Tracker tracker, String commentId);

	void reportParked(Tracker tracker, String issueId, Instant until);

	/** An issue whose summary comment must be (re)written. */
	record ReportDue(IssueSnapshot issue, @Nullable String commentId) {
	}

}
