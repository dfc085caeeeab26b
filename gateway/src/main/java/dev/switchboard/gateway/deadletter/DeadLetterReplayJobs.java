package dev.switchboard.gateway.deadletter;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * "Replay all" of a dead-letter queue as a bounded job: the job takes at most the
 * messages that were in the queue when it started, {@link #BATCH} at a time (the
 * scheduler calls {@link #runBatches()} on one instance), each published to its queue
 * with a confirm before it is acked, as a single replay does. Messages that fail again
 * come back behind the others and are not taken a second time, so a job ends even when
 * the cause is not fixed; they are counted. One running job per queue; a broker that
 * cannot be reached fails the job with what to do.
 */
@Service
public class DeadLetterReplayJobs {

	static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayJobs.class);

	private final DeadLetterQueues queues;

	private final DeadLetterJobs jobs;

	private final Clock clock;

	public DeadLetterReplayJobs(DeadLetterQueues queues, DeadLetterJobs jobs, Clock clock) {
		this.queues = queues;
		this.jobs = jobs;
		this.clock = clock;
	}

	/** What starting a job did. */
	public sealed interface Start {

		DeadLetterJob job();

		record Started(DeadLetterJob job) implements Start {
		}

		/** A job for this queue runs already: that one. */
		record AlreadyRunning(DeadLetterJob job) implements Start {
		}

	}

	/**
	 * Starts replaying every message in the queue now.
	 * @throws DeadLetterQueueNotFoundException when there is no such dead-letter queue
	 */
	public Start start(String queue, String actor) {
		DeadLetterQueue found = this.queues.find(queue, 0)
			.orElseThrow(() -> new DeadLetterQueueNotFoundException(queue));
		DeadLetterJob job = new DeadLetterJob(UUID.randomUUID(), queue, DeadLetterJob.State.RUNNING, found.depth(), 0,
				0, actor, this.clock.instant(), null, null, null);
		Optional<DeadLetterJob> running = this.jobs.startUnlessRunning(job);
		if (running.isPresent()) {
			return new Start.AlreadyRunning(running.get());
		}
		log.info("{} started dead-letter job {} for {} ({} messages)", actor, job.id(), queue, job.estimated());
		return new Start.Started(job);
	}

	public Optional<DeadLetterJob> find(UUID id) {
		return this.jobs.find(id);
	}

	public List<DeadLetterJob> recent(int limit) {
		return this.jobs.recent(limit);
	}

	/** Cancels a running job; empty when there is no such job. */
	public Optional<DeadLetterJob> cancel(UUID id, String actor) {
		if (this.jobs.end(id, DeadLetterJob.State.CANCELLED, this.clock.instant(), actor, null)) {
			log.info("{} cancelled dead-letter job {}", actor, id);
		}
		return this.jobs.find(id);
	}

	/** One batch of every running job. */
	public void runBatches() {
		for (DeadLetterJob job : this.jobs.running()) {
			runBatch(job);
		}
	}

	void runBatch(DeadLetterJob job) {
		long left = job.estimated() - job.moved();
		if (left <= 0) {
			finish(job);
			return;
		}
		int limit = (int) Math.min(BATCH, left);
		ReplayReport report;
		try {
			report = this.queues.replay(job.queue(), null, limit);
		}
		catch (DeadLetterQueueNotFoundException ex) {
			this.jobs.end(job.id(), DeadLetterJob.State.FAILED, this.clock.instant(), null,
					"The queue " + job.queue() + " is gone.");
			return;
		}
		catch (IllegalStateException ex) {
			log.warn("Dead-letter job {} stopped: {}", job.id(), ex.getMessage());
			this.jobs.progress(job.id(), (ex instanceof ReplayStoppedException stopped) ? stopped.moved() : 0, 0);
			this.jobs.end(job.id(), DeadLetterJob.State.FAILED, this.clock.instant(), null,
					"RabbitMQ did not confirm (" + ex.getMessage() + "). Nothing was lost: the messages not moved"
							+ " are still in the dead-letter queue; start the job again once RabbitMQ is reachable.");
			return;
		}
		if (!this.jobs.progress(job.id(), report.moved(), report.failedAgain())) {
			return;
		}
		// fewer than asked for: the queue ran empty (others replayed or discarded some
		// meanwhile)
		if (report.moved() < limit || report.moved() >= left) {
			finish(job);
		}
	}

	private void finish(DeadLetterJob job) {
		if (this.jobs.end(job.id(), DeadLetterJob.State.FINISHED, this.clock.instant(), null, null)) {
			log.info("Dead-letter job {} for {} finished", job.id(), job.queue());
		}
	}

}
