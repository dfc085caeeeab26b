package dev.switchboard.gateway.replay.scheduling;

import dev.switchboard.gateway.replay.BulkReplay;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs a batch of every running replay job each {@code gateway.replay-jobs.interval}
 * (1s), on one instance at a time; a stopped instance's jobs go on from their last batch
 * on another.
 */
@Component
class ReplayJobWorker {

	private final BulkReplay bulkReplay;

	ReplayJobWorker(BulkReplay bulkReplay) {
		this.bulkReplay = bulkReplay;
	}

	@Scheduled(initialDelayString = "${gateway.replay-jobs.interval:1s}",
			fixedDelayString = "${gateway.replay-jobs.interval:1s}")
	@SchedulerLock(name = "replay-jobs", lockAtMostFor = "PT1M")
	void runBatches() {
		this.bulkReplay.runBatches();
	}

}
