package dev.switchboard.issuesync.reconciliation.scheduling;

import dev.switchboard.issuesync.reconciliation.Reconciliation;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reconciliation every {@code issue-sync.reconciliation-interval}, run by one instance at
 * a time (ShedLock on the {@code shedlock} table).
 */
@Component
class ReconciliationJobs {

	private static final Logger log = LoggerFactory.getLogger(ReconciliationJobs.class);

	private final Reconciliation reconciliation;

	ReconciliationJobs(Reconciliation reconciliation) {
		this.reconciliation = reconciliation;
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

}
