package dev.switchboard.issuesync.link;

import java.time.Duration;

/** What the link feature did, for the metrics. */
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
