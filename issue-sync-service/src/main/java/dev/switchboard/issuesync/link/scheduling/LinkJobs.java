package dev.switchboard.issuesync.link.scheduling;

import dev.switchboard.issuesync.link.IssueChanges;
import dev.switchboard.issuesync.link.Reconciliation;
import dev.switchboard.issuesync.link.Reports;
import dev.switchboard.issuesync.link.TicketEventHandling;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The link feature's jobs, each run by one instance at a time (ShedLock on the
 * {@code shedlock} table): reconciliation, report comments, parked links, held close
 * notes.
 */
@Component
class LinkJobs {

	private static final Logger log = LoggerFactory.getLogger(LinkJobs.class);

	private static final int BATCH = 100;

	private final Reconciliation reconciliation;

	private final Reports reports;

	private final TicketEventHandling handling;

	private final IssueChanges changes;

	LinkJobs(Reconciliation reconciliation, Reports reports, TicketEventHandling handling, IssueChanges changes) {
		this.changes = changes;
		this.reconciliation = reconciliation;
		this.reports = reports;
		this.handling = handling;
	}

	@Scheduled(fixedDelayString = "${issue-sync.reconciliation-interval:5m}",
			initialDelayString = "${issue-sync.reconciliation-interval:5m}")
	@SchedulerLock(name = "issue-sync-reconciliation", lockAtMostFor = "PT1M")
	void reconcile() {
		int corrected = this.reconciliation.run();
		if (corrected > 0) {
			log.info("Reconciliation corrected {} issues", corrected);
		}
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

	/** Close notes whose wait for the fixing pull request is over. */
	@Scheduled(fixedDelayString = "${issue-sync.close-note-interval:5s}",
			initialDelayString = "${issue-sync.close-note-interval:5s}")
	@SchedulerLock(name = "issue-sync-close-notes", lockAtMostFor = "PT1M")
	void sendDueCloseNotes() {
		this.changes.sendDueCloseNotes(BATCH);
	}

}
