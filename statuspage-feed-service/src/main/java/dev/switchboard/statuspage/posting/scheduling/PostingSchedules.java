package dev.switchboard.statuspage.posting.scheduling;

import java.time.Duration;

import dev.switchboard.statuspage.posting.PostingProperties;
import dev.switchboard.statuspage.posting.PostingWorker;
import dev.switchboard.statuspage.posting.IncidentThreads;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due posts on a thread of its own (it keeps sending while anything is due, so it
 * must not hold the scheduler's thread, which polling and the outbox share), and ticks
 * the parents of incident threads (Slack) to their incident's current status. Rows decide
 * who works ({@code FOR UPDATE SKIP LOCKED}), so every instance runs both.
 */
@Component
class PostingSchedules implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PostingSchedules.class);

	private final PostingWorker worker;

	private final IncidentThreads threads;

	private final MeterRegistry meters;

	private final Duration tick;

	private volatile @Nullable Thread sender;

	PostingSchedules(PostingWorker worker, IncidentThreads threads, MeterRegistry meters,
			PostingProperties properties) {
		this.worker = worker;
		this.threads = threads;
		this.meters = meters;
		this.tick = properties.tick();
	}

	@Override
	public void start() {
		Thread thread = Thread.ofVirtual().name("posting-sender").unstarted(this::sendWhileRunning);
		this.sender = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread running = this.sender;
		this.sender = null;
		if (running != null) {
			// attempts in flight finish (the worker's executor waits for them), the rest
			// stay pending
			running.interrupt();
			try {
				running.join(Duration.ofSeconds(15));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.sender != null;
	}

	private void sendWhileRunning() {
		while (this.sender == Thread.currentThread()) {
			try {
				// the metric keeps its name "switchboard.deliveries" (alert rules and
				// dashboards in deploy/ use it)
				this.worker.postUntilIdle(
						(outcome) -> this.meters.counter("switchboard.deliveries", "outcome", outcome).increment());
				Thread.sleep(this.tick);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Posting due updates failed: {}", ex.toString());
				try {
					Thread.sleep(this.tick);
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	@Scheduled(fixedDelayString = "${statuspage-feed.slack.edit-tick:200ms}",
			initialDelayString = "${statuspage-feed.delivery.tick:250ms}")
	void editParents() {
		try {
			// Slack's are the only threads: the metric keeps its name (dashboards in
			// deploy/)
			this.threads.refreshOneParent()
				.ifPresent((outcome) -> this.meters.counter("switchboard.slack.parent-edits", "outcome", outcome)
					.increment());
		}
		catch (RuntimeException ex) {
			log.warn("Refreshing thread parents failed: {}", ex.toString());
		}
	}

}
