package dev.switchboard.issuesync.issuechange;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.switchboard.issuesync.history.HistoryEntry;
import dev.switchboard.issuesync.history.HistoryEntry.Kind;
import dev.switchboard.issuesync.history.HistoryEntry.Outcome;
import dev.switchboard.issuesync.link.Cause;
import dev.switchboard.issuesync.link.Link;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * The history entries of issue changes: the change itself once per issue, and what each
 * linked ticket was sent (entry ids derive from the command ids, so a repeat records
 * nothing).
 */
final class ChangeHistory {

	private ChangeHistory() {
	}

	/** A state change applied, from a webhook or found by reconciliation. */
	static HistoryEntry changed(IssueSnapshot after, String previousState, @Nullable String actor, int tickets,
			Cause cause, boolean byReconciliation, Instant at) {
		String told = "; " + tickets + " linked ticket" + ((tickets == 1) ? "" : "s") + " told";
		if (byReconciliation) {
			return HistoryEntry.ofIssue(HistoryEntry.idOf("changed", cause.key()), at, after,
					Kind.RECONCILIATION_CORRECTED, Outcome.OK,
					"Reconciliation found " + named(after) + " " + after.state() + " (was " + previousState
							+ ", changed at " + after.tracker().displayName() + " " + after.updatedAt()
							+ "): its webhook never arrived" + told);
		}
		return HistoryEntry.ofIssue(HistoryEntry.idOf("changed", cause.key()), at, after, Kind.ISSUE_STATE_CHANGED,
				Outcome.OK, named(after) + ": " + previousState + " → " + after.state()
						+ ((actor != null && !actor.isBlank()) ? " by " + actor : "") + told);
	}

	static HistoryEntry held(IssueSnapshot after, Cause cause, Instant due, Instant at) {
		return HistoryEntry.ofIssue(HistoryEntry.idOf("held", cause.key()), at, after, Kind.NOTE_HELD, Outcome.OK,
				"Close note of " + after.displayName() + " held until " + due
						+ " for the merged pull request that fixed it");
	}

	/** An internal note sent to the link's ticket; the summary quotes its first line. */
	static HistoryEntry note(Link link, IssueSnapshot issue, UUID commandId, String note, Instant at) {
		return HistoryEntry.ofTicket(HistoryEntry.idOf(Kind.NOTE_SENT.word(), commandId.toString()), at,
				link.ticketId(), issue, Kind.NOTE_SENT, Outcome.OK,
				"Note sent to ticket " + link.ticketId() + ": " + firstLine(note) + " (command " + commandId + ")",
				link.id());
	}

	/** A held close note sent: its first line, and the fixes it names. */
	static HistoryEntry closeNote(Link link, IssueSnapshot issue, UUID commandId, String note, List<IssueFix> fixes,
			Instant at) {
		String named = fixes.isEmpty() ? " (no merged pull request named)" : " Fixed by pull request "
				+ String.join(", ", fixes.stream().map(IssueFix::pullRequest).toList()) + ".";
		return note(link, issue, commandId, firstLine(note) + named, at);
	}

	static HistoryEntry reopen(Link link, IssueSnapshot issue, UUID commandId, Instant at) {
		return HistoryEntry.ofTicket(HistoryEntry.idOf(Kind.REOPEN_SENT.word(), commandId.toString()), at,
				link.ticketId(), issue, Kind.REOPEN_SENT, Outcome.OK, "Reopen of ticket " + link.ticketId() + " sent: "
						+ issue.displayName() + " is " + issue.state() + " (command " + commandId + ")",
				link.id());
	}

	static HistoryEntry relayed(Link link, IssueSnapshot issue, UUID commandId, @Nullable String author, Instant at) {
		return HistoryEntry.ofTicket(HistoryEntry.idOf(Kind.COMMENT_RELAYED.word(), commandId.toString()), at,
				link.ticketId(), issue, Kind.COMMENT_RELAYED, Outcome.OK,
				"Comment" + ((author != null) ? " by " + author : "") + " on " + issue.displayName()
						+ " relayed to ticket " + link.ticketId() + " (command " + commandId + ")",
				link.id());
	}

	static HistoryEntry fixMerged(IssueSnapshot issue, IssueFix fix, Instant at) {
		return HistoryEntry.ofIssue(
				HistoryEntry
					.idOf("fix", issue.tracker().id(), issue.issueId(), fix.pullRequest().toLowerCase(Locale.ROOT)),
				at, issue, Kind.FIX_MERGED, Outcome.OK,
				"Pull request " + fix.pullRequest() + " \"" + fix.title() + "\" merged"
						+ ((fix.mergedBy() != null) ? " by " + fix.mergedBy() : "") + ": it fixes "
						+ issue.displayName());
	}

	static HistoryEntry noticeSent(String ticketId, IssueSnapshot issue, UUID commandId, String version, Instant at) {
		return HistoryEntry.ofTicket(HistoryEntry.idOf(Kind.NOTICE_SENT.word(), commandId.toString(), issue.issueId()),
				at, ticketId, issue, Kind.NOTICE_SENT, Outcome.OK, "Fix-shipped notice sent to ticket " + ticketId
						+ ": " + named(issue) + " shipped in version " + version + " (command " + commandId + ")",
				Link.idOf(ticketId, issue.tracker(), issue.issueId()));
	}

	static HistoryEntry transferred(IssueSnapshot from, IssueSnapshot to, int tickets, boolean byReconciliation,
			Instant at) {
		return HistoryEntry.ofIssue(HistoryEntry.idOf("transferred", from.issueId(), to.issueId()), at, to,
				Kind.ISSUE_TRANSFERRED, Outcome.OK,
				from.displayName() + " was transferred to " + to.displayName() + "; " + tickets + " linked ticket"
						+ ((tickets == 1) ? " follows" : "s follow") + " it"
						+ (byReconciliation ? " (found by reconciliation: its webhook never arrived)" : ""));
	}

	private static String named(IssueSnapshot issue) {
		return issue.displayName() + " \"" + issue.title() + "\"";
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		return (end < 0) ? text : text.substring(0, end);
	}

}
