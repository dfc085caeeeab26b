package dev.switchboard.gateway.replay;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.gateway.delivery.DeliveryLog;
import dev.switchboard.gateway.delivery.DeliverySummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Bulk replay: estimates a filter, starts a job for it (one per filter at a time),
 * cancels one, and runs the running ones a batch at a time (the scheduler calls
 * {@link #runBatches()} on one instance). Each delivery goes through the same replay as a
 * single one, oldest first; a delivery the broker does not confirm is counted as failed,
 * and a job whose whole batch fails stops as failed (RabbitMQ is down: replay it later).
 */
@Service
public class BulkReplay {

	static final int BATCH = 50;

	private static final Logger log = LoggerFactory.getLogger(BulkReplay.class);

	private final DeliveryLog deliveries;

	private final DeliveryReplay replay;

	private final ReplayJobs jobs;

	private final Clock clock;

	public BulkReplay(DeliveryLog deliveries, DeliveryReplay replay, ReplayJobs jobs, Clock clock) {
		this.deliveries = deliveries;
		this.replay = replay;
		this.jobs = jobs;
		this.clock = clock;
	}

	/** What starting a job did. */
	public sealed interface Start {

		record Started(ReplayJob job) implements Start {
		}

		/** A job for this filter runs already: that one. */
		record AlreadyRunning(ReplayJob job) implements Start {
		}

	}

	/** How many deliveries match the filter now. */
	public long estimate(ReplayFilter filter) {
		return this.deliveries.search(filter.query(1)).total();
	}

	public Start start(ReplayFilter filter, String actor) {
		ReplayJob job = new ReplayJob(UUID.randomUUID(), filter, ReplayJobState.RUNNING, estimate(filter), 0, 0, null,
				null, actor, this.clock.instant(), null, null, null);
		Optional<ReplayJob> running = this.jobs.startUnlessRunning(job);
		if (running.isPresent()) {
			return new Start.AlreadyRunning(running.get());
		}
		log.info("{} started replay job {} for {} ({} deliveries)", actor, job.id(), filter.describe(),
				job.estimated());
		return new Start.Started(job);
	}

	/** Cancels a running job; empty when there is no such job. */
	public Optional<ReplayJob> cancel(UUID id, String actor) {
		if (this.jobs.end(id, ReplayJobState.CANCELLED, this.clock.instant(), actor, null)) {
			log.info("{} cancelled replay job {}", actor, id);
		}
		return this.jobs.find(id);
	}

	/** One batch of every running job. */
	public void runBatches() {
		for (ReplayJob job : this.jobs.running()) {
			runBatch(job);
		}
	}

	void runBatch(ReplayJob job) {
		List<DeliverySummary> batch = this.deliveries.after(job.filter().query(BATCH), job.afterReceivedAt(),
				job.afterId());
		if (batch.isEmpty()) {
			this.jobs.end(job.id(), ReplayJobState.FINISHED, this.clock.instant(), null, null);
			log.info("Replay job {} finished: {} replayed, {} failed", job.id(), job.replayed(), job.failed());
			return;
		}
		long replayed = 0;
		long failed = 0;
		String error = null;
		for (DeliverySummary delivery : batch) {
			switch (this.replay.replay(delivery.id(), "replay job " + job.id())) {
				case DeliveryReplay.Result.Replayed done -> replayed++;
				case DeliveryReplay.Result.NotFound gone -> {
					// purged meanwhile: nothing to replay, nothing failed
				}
				case DeliveryReplay.Result.Unavailable unavailable -> {
					failed++;
					error = unavailable.reason();
				}
			}
		}
		DeliverySummary last = batch.get(batch.size() - 1);
		if (!this.jobs.progress(job.id(), replayed, failed, last.receivedAt(), last.id())) {
			return;
		}
		if (replayed == 0 && error != null) {
			this.jobs.end(job.id(), ReplayJobState.FAILED, this.clock.instant(), null,
					"The broker did not confirm (" + error + "); start the job again once RabbitMQ is reachable.");
		}
	}

}
