package dev.switchboard.gateway.deadletter.scheduling;

import dev.switchboard.gateway.deadletter.DeadLetterReplayJobs;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs a batch of every running dead-letter job each {@code gateway.replay-jobs.interval}
 * (1s), on one instance at a time; a stopped instance's jobs go on from their counts on
 * another.
 */
@Component
class DeadLetterJobWorker {

	private final DeadLetterReplayJobs jobs;

	DeadLetterJobWorker(DeadLetterReplayJobs jobs) {
		this.jobs = jobs;
	}

	@Scheduled(initialDelayString = "${gateway.replay-jobs.interval:1s}",
			fixedDelayString = "${gateway.replay-jobs.interval:1s}")
	@SchedulerLock(name = "dead-letter-jobs", lockAtMostFor = "PT1M")
	void runBatches() {
		this.jobs.runBatches();
	}

}
