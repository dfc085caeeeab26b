package dev.switchboard.issuesync.tracker.metrics;

import java.time.Duration;

import dev.switchboard.issuesync.tracker.SyncMetrics;
import dev.switchboard.issuesync.tracker.Tracker;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code switchboard.issue-sync.*} meters; tags are bounded (tracker, reason, failure).
 */
@Component
class MicrometerSyncMetrics implements SyncMetrics {

	private final MeterRegistry meters;

	private final Timer closedToReopened;

	private final DistributionSummary reportsPerIssue;

	MicrometerSyncMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.closedToReopened = Timer.builder("switchboard.issue-sync.closed-to-reopened")
			.description("Time from an issue's close at the tracker to its tickets' reopen commands")
			.publishPercentileHistogram()
			.register(meters);
		this.reportsPerIssue = DistributionSummary.builder("switchboard.issue-sync.reports-per-issue")
			.description("Customer conversations linked to an issue, when its report is written")
			.register(meters);
	}

	@Override
	public void linked(Tracker tracker) {
		this.meters.counter("switchboard.issue-sync.links.created", "tracker", tracker.id()).increment();
	}

	@Override
	public void unlinked(Tracker tracker) {
		this.meters.counter("switchboard.issue-sync.links.removed", "tracker", tracker.id()).increment();
	}

	@Override
	public void notesSent(int count) {
		this.meters.counter("switchboard.issue-sync.notes.sent").increment(count);
	}

	@Override
	public void reopensSent(int count) {
		this.meters.counter("switchboard.issue-sync.reopens.sent").increment(count);
	}

	@Override
	public void closedToReopened(Duration latency) {
		this.closedToReopened.record(latency.isNegative() ? Duration.ZERO : latency);
	}

	@Override
	public void reportsOnIssue(int count) {
		this.reportsPerIssue.record(count);
	}

	@Override
	public void reconciliationCorrected(Tracker tracker) {
		this.meters.counter("switchboard.issue-sync.reconciliation.corrections", "tracker", tracker.id()).increment();
	}

	@Override
	public void changeIgnored(Tracker tracker, String reason) {
		this.meters.counter("switchboard.issue-sync.changes.ignored", "tracker", tracker.id(), "reason", reason)
			.increment();
	}

	@Override
	public void trackerFailed(Tracker tracker, String failure) {
		this.meters.counter("switchboard.issue-sync.tracker.failures", "tracker", tracker.id(), "failure", failure)
			.increment();
	}

}
