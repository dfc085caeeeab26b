package dev.switchboard.issuesync.link.scheduling;

import dev.switchboard.issuesync.link.Reports;
import dev.switchboard.issuesync.link.TicketEventHandling;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The link feature's jobs, each run by one instance at a time (ShedLock on the
 * {@code shedlock} table): report comments and parked links.
 */
@Component
class LinkJobs {

	private static final int BATCH = 100;

	private final Reports reports;

	private final TicketEventHandling handling;

	LinkJobs(Reports reports, TicketEventHandling handling) {
		this.reports = reports;
		this.handling = handling;
	}

	@Scheduled(fixedDelayString = "${issue-sync.report-interval:30s}",
			initialDelayString = "${issue-sync.report-interval:30s}")
	@SchedulerLock(name = "issue-sync-reports", lockAtMostFor = "PT1M")
	void writeReports() {
		this.reports.writeDue(BATCH);
	}

	@Scheduled(fixedDelayString = "${issue-sync.report-interval:30s}",
			initialDelayString = "${issue-sync.report-interval:30s}")
	@SchedulerLock(name = "issue-sync-parked-links", lockAtMostFor = "PT1M")
	void retryParkedLinks() {
		this.handling.retryDueParkedLinks(BATCH);
	}

}
