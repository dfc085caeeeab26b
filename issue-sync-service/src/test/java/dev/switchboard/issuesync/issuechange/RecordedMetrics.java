package dev.switchboard.issuesync.issuechange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.issuesync.tracker.SyncMetrics;
import dev.switchboard.issuesync.tracker.Tracker;

/** {@link SyncMetrics} that remembers what it was told. */
class RecordedMetrics implements SyncMetrics {

	final List<String> ignored = new ArrayList<>();

	int notes;

	int reopens;

	@Override
	public void linked(Tracker tracker) {
	}

	@Override
	public void unlinked(Tracker tracker) {
	}

	@Override
	public void notesSent(int count) {
		this.notes += count;
	}

	@Override
	public void reopensSent(int count) {
		this.reopens += count;
	}

	@Override
	public void closedToReopened(Duration latency) {
	}

	@Override
	public void reportsOnIssue(int count) {
	}

	@Override
	public void reconciliationCorrected(Tracker tracker) {
	}

	@Override
	public void changeIgnored(Tracker tracker, String reason) {
		this.ignored.add(reason);
	}

	@Override
	public void trackerFailed(Tracker tracker, String failure) {
	}

}
