package dev.switchboard.issuesync.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.switchboard.issuesync.tracker.IssueLocator;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.Tracker;
import org.jspecify.annotations.Nullable;

/**
 * One thing issue-sync did.
 *
 * @param id derived from the cause ({@link #idOf}): a repeat records nothing
 * @param at when issue-sync did it
 * @param ticketId the ticket it concerns, {@code null} for the issue as a whole
 * @param issueId the tracker's issue id, {@code null} for a link request whose issue was
 * not read yet
 * @param issueKey {@code owner/repo#42} or {@code KEY-1}, as known then
 * @param summary one line a person reads: never a secret or a note's full text
 * @param ref the link's id for entries about a link, else {@code null}
 */
public record HistoryEntry(UUID id, Instant at, @Nullable String ticketId, Tracker tracker, @Nullable String issueId,
		String issueKey, Kind kind, String summary, Outcome outcome, @Nullable String ref) {

	/** The longest summary kept. */
	public static final int MAX_SUMMARY = 1000;

	public HistoryEntry {
		if (issueKey.isBlank()) {
			throw new IllegalArgumentException("an entry names its issue");
		}
		summary = oneLine(summary);
	}

	/** An entry about a ticket and a followed issue. */
	public static HistoryEntry ofTicket(UUID id, Instant at, String ticketId, IssueSnapshot issue, Kind kind,
			Outcome outcome, String summary, @Nullable UUID ref) {
		return new HistoryEntry(id, at, ticketId, issue.tracker(), issue.issueId(), issue.key(), kind, summary, outcome,
				(ref != null) ? ref.toString() : null);
	}

	/** An entry about a followed issue as a whole. */
	public static HistoryEntry ofIssue(UUID id, Instant at, IssueSnapshot issue, Kind kind, Outcome outcome,
			String summary) {
		return new HistoryEntry(id, at, null, issue.tracker(), issue.issueId(), issue.key(), kind, summary, outcome,
				null);
	}

	/** An entry about a ticket's link request for an issue not read yet. */
	public static HistoryEntry ofLinkRequest(UUID id, Instant at, String ticketId, IssueLocator issue, Kind kind,
			Outcome outcome, String summary) {
		return new HistoryEntry(id, at, ticketId, issue.tracker(), null, issue.key(), kind, summary, outcome, null);
	}

	/** A name-based id: the same parts, the same id. */
	public static UUID idOf(String... parts) {
		return UUID.nameUUIDFromBytes(("history|" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Line breaks and other control characters become spaces; at most
	 * {@link #MAX_SUMMARY}.
	 */
	private static String oneLine(String text) {
		String line = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
		if (line.isEmpty()) {
			throw new IllegalArgumentException("an entry needs a summary");
		}
		return (line.length() <= MAX_SUMMARY) ? line : line.substring(0, MAX_SUMMARY - 1) + "…";
	}

	/** What happened, as a stable word {@code <thing>.<what>}. */
	public enum Kind {

		/** A ticket was linked to an issue (from a note, the API or a follow-up). */
		LINK_CREATED("link.created"),

		/** A link was removed ({@code /unlink}, the API). */
		LINK_REMOVED("link.removed"),

		/** A closed ticket's link went to its follow-up ticket. */
		LINK_MOVED("link.moved"),

		/**
		 * A link request waits for its tracker (rate limit, outage, refused credentials).
		 */
		LINK_PARKED("link.parked"),

		/** A link request was given up; the agent was told. */
		LINK_FAILED("link.failed"),

		/** A linked issue changed state (a webhook). */
		ISSUE_STATE_CHANGED("issue.state-changed"),

		/** Reconciliation found a change whose webhook never arrived, and applied it. */
		RECONCILIATION_CORRECTED("reconciliation.corrected"),

		/** A GitHub issue moved to another repository; its links follow it. */
		ISSUE_TRANSFERRED("issue.transferred"),

		/** An internal note about an issue's change went to a ticket. */
		NOTE_SENT("note.sent"),

		/** A close note waits for the merged pull request that fixed the issue. */
		NOTE_HELD("note.held"),

		/** A reopen command went to a ticket. */
		REOPEN_SENT("reopen.sent"),

		/** A comment on the issue was relayed to a ticket. */
		COMMENT_RELAYED("comment.relayed"),

		/** A merged pull request fixes the issue. */
		FIX_MERGED("fix.merged"),

		/** A ticket was told that the fix of its issue shipped. */
		NOTICE_SENT("notice.sent"),

		/**
		 * The "Reported in N customer conversations" comment was written on the issue.
		 */
		REPORT_WRITTEN("report.written"),

		/** The report comment could not be written now; it is retried. */
		REPORT_DEFERRED("report.deferred"),

		/** The tracker did not answer a read of the issue; it is retried. */
		TRACKER_FAILED("tracker.failed"),

		/** The tracker refused Switchboard's credentials; calls are held off. */
		TRACKER_HELD_OFF("tracker.held-off");

		private final String word;

		Kind(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

		public static Kind byWord(String word) {
			for (Kind kind : values()) {
				if (kind.word.equals(word)) {
					return kind;
				}
			}
			throw new IllegalArgumentException("unknown history kind " + word);
		}

	}

	/** How it ended. */
	public enum Outcome {

		/** Done: a command confirmed by the broker, a comment written. */
		OK,

		/** Waiting, and retried by issue-sync. */
		PENDING,

		/** Given up: someone has to look. */
		FAILED

	}

}
