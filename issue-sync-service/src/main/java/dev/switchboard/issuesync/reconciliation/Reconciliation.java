package dev.switchboard.issuesync.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.switchboard.issuesync.history.History;
import dev.switchboard.issuesync.history.HistoryEntry;
import dev.switchboard.issuesync.issuechange.IssueChanges;
import dev.switchboard.issuesync.tracker.IssueChange;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.IssueSyncProperties;
import dev.switchboard.issuesync.tracker.IssueTrackers;
import dev.switchboard.issuesync.tracker.Issues;
import dev.switchboard.issuesync.tracker.SyncMetrics;
import dev.switchboard.issuesync.tracker.TrackerCredentials;
import dev.switchboard.issuesync.tracker.TrackerFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * GitHub never redelivers a failed webhook: re-reads every linked open issue, and every
 * linked closed one changed within {@code issue-sync.reconcile-closed-for} (so a lost
 * {@code reopened} is seen too), conditionally with the ETag of the last read, and
 * applies a missed change exactly as if its webhook had arrived.
 */
@Service
public class Reconciliation {

	private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

	private final Issues issues;

	private final IssueTrackers trackers;

	private final IssueChanges changes;

	private final SyncMetrics metrics;

	private final Clock clock;

	private final Duration closedFor;

	private final History history;

	public Reconciliation(Issues issues, IssueTrackers trackers, IssueChanges changes, SyncMetrics metrics, Clock clock,
			IssueSyncProperties properties, History history) {
		this.history = history;
		this.issues = issues;
		this.clock = clock;
		this.closedFor = properties.reconcileClosedFor();
		this.trackers = trackers;
		this.changes = changes;
		this.metrics = metrics;
	}

	/**
	 * @return how many issues were corrected
	 */
	public int run() {
		int corrected = 0;
		for (IssueSnapshot stored : this.issues.toReconcile(this.clock.instant().minus(this.closedFor))) {
			try {
				Optional<IssueSnapshot> fresh = this.trackers.of(stored.tracker())
					.readIfChanged(stored.locator(), stored.etag());
				String correlationId = "reconcile-" + stored.tracker().id() + "-" + stored.issueId();
				// a transferred GitHub issue answers from its new repository with a new
				// id
				IssueChange change = fresh.filter((snapshot) -> !snapshot.issueId().equals(stored.issueId()))
					.<IssueChange>map((moved) -> new IssueChange.Transferred(stored, moved, null, correlationId))
					// no previous state: the change is applied against the state stored
					// when
					// it holds the issue's lock, which a webhook may have changed since
					// this
					// list was read (else a reopen after a close just applied reads "was
					// open")
					.orElseGet(() -> new IssueChange.Updated(fresh.orElse(stored), null, null, correlationId));
				if (fresh.isPresent() && this.changes.reconcile(change)) {
					this.metrics.reconciliationCorrected(stored.tracker());
					corrected++;
				}
				fresh.ifPresent((snapshot) -> this.issues.saveIfNotOlder(snapshot));
			}
			catch (TrackerFailure.RateLimited limited) {
				log.info("Reconciliation stops until {}: {} rate limit", limited.retryAt(),
						stored.tracker().displayName());
				failed(stored, limited, "; reconciliation stops until " + limited.retryAt());
				break;
			}
			catch (TrackerFailure failure) {
				log.warn("Reconciliation could not read {}: {}", stored.displayName(), failure.getMessage());
				this.metrics.trackerFailed(stored.tracker(), failure.getClass().getSimpleName());
				failed(stored, failure, "; read again in the next round");
			}
		}
		return corrected;
	}

	/**
	 * One entry per issue, failure and hour: a tracker down for a day does not fill the
	 * issue's history with every round.
	 */
	private void failed(IssueSnapshot issue, TrackerFailure failure, String next) {
		Instant now = this.clock.instant();
		boolean refused = failure instanceof TrackerFailure.Unauthorized;
		this.history.record(List.of(HistoryEntry.ofIssue(
				HistoryEntry.idOf("reconciliation-failed", issue.tracker().id(), issue.issueId(),
						failure.getClass().getSimpleName(), now.truncatedTo(ChronoUnit.HOURS).toString()),
				now, issue, refused ? HistoryEntry.Kind.TRACKER_HELD_OFF : HistoryEntry.Kind.TRACKER_FAILED,
				HistoryEntry.Outcome.PENDING, "Reconciliation could not read " + issue.displayName() + ": "
						+ failure.getMessage() + (refused ? "; calls to " + issue.tracker().displayName()
								+ " are held off for " + TrackerCredentials.HOLD_OFF.toMinutes() + " minutes" : "")
						+ next)));
	}

}
