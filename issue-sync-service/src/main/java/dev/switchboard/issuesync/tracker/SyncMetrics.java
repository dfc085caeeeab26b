package dev.switchboard.issuesync.tracker;

import java.time.Duration;

/**
 * What issue-sync did (links, notes, reopens, reconciliation, tracker failures), for the
 * metrics.
 */
public interface SyncMetrics {

	void linked(Tracker tracker);

	void unlinked(Tracker tracker);

	void notesSent(int count);

	void reopensSent(int count);

	void closedToReopened(Duration latency);

	void reportsOnIssue(int count);

	void reconciliationCorrected(Tracker tracker);

	void changeIgnored(Tracker tracker, String reason);

	void trackerFailed(Tracker tracker, String failure);

}
