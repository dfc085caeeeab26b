package dev.switchboard.issuesync.link;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.switchboard.issuesync.history.History;
import dev.switchboard.issuesync.history.HistoryEntry;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.IssueTracker;
import dev.switchboard.issuesync.tracker.IssueTrackers;
import dev.switchboard.issuesync.tracker.Issues;
import dev.switchboard.issuesync.tracker.SyncMetrics;
import dev.switchboard.issuesync.tracker.TrackerFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Tells engineering how many customer conversations wait on an issue: one summary comment
 * per issue, created once and edited in place, and a {@code customer-reported} label.
 * Issues whose links changed are marked; this writes the marked ones (a rate limit parks
 * the issue until the tracker's reset).
 */
@Service
public class Reports {

	static final String LABEL = "customer-reported";

	/**
	 * Marks what Switchboard writes on an issue (the report comment), so its echo is
	 * recognised and never relayed to the tickets.
	 */
	public static final String ORIGIN_MARKER = "<!-- switchboard:issue-sync";

	private static final Logger log = LoggerFactory.getLogger(Reports.class);

	private final Issues issues;

	private final Links links;

	private final IssueTrackers trackers;

	private final SyncMetrics metrics;

	private final Clock clock;

	private final History history;

	public Reports(Issues issues, Links links, IssueTrackers trackers, SyncMetrics metrics, Clock clock,
			History history) {
		this.history = history;
		this.issues = issues;
		this.links = links;
		this.trackers = trackers;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Writes the reports that are due; returns how many were written. */
	public int writeDue(int limit) {
		int written = 0;
		for (Issues.ReportDue due : this.issues.reportsDue(this.clock.instant(), limit)) {
			IssueSnapshot issue = due.issue();
			List<String> tickets = this.links.ofIssue(issue.tracker(), issue.issueId())
				.stream()
				.map(Link::ticketId)
				.sorted()
				.toList();
			try {
				IssueTracker tracker = this.trackers.of(issue.tracker());
				String comment = TicketNotes.reportComment(tickets);
				String commentId = tracker.writeReportComment(issue.locator(), due.commentId(), comment);
				if (tickets.isEmpty()) {
					tracker.removeLabel(issue.locator(), LABEL);
				}
				else {
					tracker.addLabel(issue.locator(), LABEL);
				}
				this.issues.reportWritten(issue.tracker(), issue.issueId(), commentId);
				this.metrics.reportsOnIssue(tickets.size());
				written(issue, due.commentId() == null, comment, commentId, tickets.isEmpty());
				written++;
			}
			catch (TrackerFailure.RateLimited limited) {
				this.issues.reportParked(issue.tracker(), issue.issueId(), limited.retryAt());
				deferred(issue, limited, limited.retryAt());
			}
			catch (TrackerFailure failure) {
				log.warn("Could not write the report on {}: {}", issue.displayName(), failure.getMessage());
				this.metrics.trackerFailed(issue.tracker(), failure.getClass().getSimpleName());
				Instant retryAt = this.clock.instant().plusSeconds(300);
				this.issues.reportParked(issue.tracker(), issue.issueId(), retryAt);
				deferred(issue, failure, retryAt);
			}
		}
		return written;
	}

	private void written(IssueSnapshot issue, boolean created, String comment, String commentId, boolean unlabelled) {
		Instant now = this.clock.instant();
		this.history.record(List.of(HistoryEntry.ofIssue(
				HistoryEntry.idOf("report", issue.tracker().id(), issue.issueId(), commentId, now.toString()), now,
				issue, HistoryEntry.Kind.REPORT_WRITTEN, HistoryEntry.Outcome.OK,
				"Report comment " + (created ? "written" : "updated") + " on " + issue.displayName() + ": "
						+ comment.substring(0, comment.indexOf('\n'))
						+ (unlabelled ? " Label " + LABEL + " removed." : ""))));
	}

	/**
	 * One entry per issue, failure and hour: a tracker down for a day does not fill the
	 * issue's history with a retry every five minutes.
	 */
	private void deferred(IssueSnapshot issue, TrackerFailure failure, Instant retryAt) {
		Instant now = this.clock.instant();
		this.history.record(List.of(HistoryEntry.ofIssue(
				HistoryEntry.idOf("report-deferred", issue.tracker().id(), issue.issueId(),
						failure.getClass().getSimpleName(), now.truncatedTo(ChronoUnit.HOURS).toString()),
				now, issue, HistoryEntry.Kind.REPORT_DEFERRED, HistoryEntry.Outcome.PENDING,
				"Report comment on " + issue.displayName() + " not written: " + failure.getMessage() + "; retried from "
						+ retryAt)));
	}

}
