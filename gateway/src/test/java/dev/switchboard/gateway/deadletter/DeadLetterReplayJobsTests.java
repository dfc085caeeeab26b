package dev.switchboard.gateway.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The dead-letter job's rules with an in-memory queue and job store: bounded by the depth
 * at the start even when every message fails again, a broker that goes away fails the job
 * with what was moved, a cancelled job takes no further batch.
 */
class DeadLetterReplayJobsTests {

	private static final String QUEUE = "webhooks.inbound.crm-bridge-service.dlq";

	private final InMemoryQueue queue = new InMemoryQueue();

	private final InMemoryJobs jobs = new InMemoryJobs();

	private final DeadLetterReplayJobs replayJobs = new DeadLetterReplayJobs(this.queue, this.jobs,
			Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void movesAtMostWhatWasThereAtTheStartEvenWhenEveryMessageFailsAgain() {
		this.queue.depth = 250;
		this.queue.failEveryMessageAgain = true;
		DeadLetterJob job = this.replayJobs.start(QUEUE, "key 'ops'").job();

		for (int tick = 0; tick < 10; tick++) {
			this.replayJobs.runBatches();
		}

		DeadLetterJob done = this.jobs.find(job.id()).orElseThrow();
		assertThat(done.state()).isEqualTo(DeadLetterJob.State.FINISHED);
		assertThat(done.moved()).isEqualTo(250);
		assertThat(done.failedAgain()).isEqualTo(250);
		assertThat(this.queue.limits).containsExactly(100, 100, 50);
		assertThat(this.queue.depth).as("the messages that failed again are back").isEqualTo(250);
	}

	@Test
	void aQueueThatRunsEmptyEndsTheJob() {
		this.queue.depth = 30;
		DeadLetterJob job = this.replayJobs.start(QUEUE, "key 'ops'").job();
		this.queue.depth = 10;

		this.replayJobs.runBatches();

		DeadLetterJob done = this.jobs.find(job.id()).orElseThrow();
		assertThat(done.state()).isEqualTo(DeadLetterJob.State.FINISHED);
		assertThat(done.moved()).isEqualTo(10);
	}

	@Test
	void aBrokerThatGoesAwayFailsTheJobWithWhatWasMovedAndWhatToDo() {
		this.queue.depth = 250;
		this.queue.stopAfter = 40;
		DeadLetterJob job = this.replayJobs.start(QUEUE, "key 'ops'").job();

		this.replayJobs.runBatches();
		this.replayJobs.runBatches();

		DeadLetterJob failed = this.jobs.find(job.id()).orElseThrow();
		assertThat(failed.state()).isEqualTo(DeadLetterJob.State.FAILED);
		assertThat(failed.moved()).isEqualTo(40);
		assertThat(failed.lastError()).contains("start the job again once RabbitMQ is reachable");
		assertThat(this.queue.limits).hasSize(1);
	}

	@Test
	void aCancelledJobTakesNoFurtherBatchAndASecondStartGetsTheRunningOne() {
		this.queue.depth = 250;
		DeadLetterJob job = this.replayJobs.start(QUEUE, "key 'ops'").job();
		assertThat(this.replayJobs.start(QUEUE, "key 'other'"))
			.isEqualTo(new DeadLetterReplayJobs.Start.AlreadyRunning(job));
		this.replayJobs.runBatches();

		this.replayJobs.cancel(job.id(), "key 'ops'");
		this.replayJobs.runBatches();

		DeadLetterJob cancelled = this.jobs.find(job.id()).orElseThrow();
		assertThat(cancelled.state()).isEqualTo(DeadLetterJob.State.CANCELLED);
		assertThat(cancelled.cancelledBy()).isEqualTo("key 'ops'");
		assertThat(cancelled.moved()).isEqualTo(100);
		assertThat(this.queue.limits).containsExactly(100);
		assertThat(this.replayJobs.start(QUEUE, "key 'ops'")).isInstanceOf(DeadLetterReplayJobs.Start.Started.class);
	}

	@Test
	void anUnknownQueueIsRefusedBeforeAJobExists() {
		assertThatExceptionOfType(DeadLetterQueueNotFoundException.class)
			.isThrownBy(() -> this.replayJobs.start("no-such.dlq", "key 'ops'"));
		assertThat(this.jobs.rows).isEmpty();
	}

	/** One dead-letter queue: a depth, the limits each replay was asked with. */
	private static final class InMemoryQueue implements DeadLetterQueues {

		long depth;

		boolean failEveryMessageAgain;

		int stopAfter = -1;

		final List<Integer> limits = new ArrayList<>();

		@Override
		public List<DeadLetterQueue> list(int peek) {
			return List.of(new DeadLetterQueue(QUEUE, "webhooks.inbound.crm-bridge-service", this.depth, List.of()));
		}

		@Override
		public Optional<DeadLetterQueue> find(String queue, int peek) {
			return list(peek).stream().filter((found) -> found.name().equals(queue)).findFirst();
		}

		@Override
		public ReplayReport replay(String queue, @Nullable Set<String> messageIds) {
			return replay(queue, messageIds, Integer.MAX_VALUE);
		}

		@Override
		public ReplayReport replay(String queue, @Nullable Set<String> messageIds, int limit) {
			this.limits.add(limit);
			int moved = (int) Math.min(limit, this.depth);
			if (this.stopAfter >= 0 && moved > this.stopAfter) {
				this.depth -= this.stopAfter;
				throw new ReplayStoppedException(queue, this.stopAfter, new java.io.IOException("connection reset"));
			}
			this.depth -= moved;
			int failedAgain = this.failEveryMessageAgain ? moved : 0;
			// messages that fail again come back behind the others
			this.depth += failedAgain;
			return new ReplayReport(queue, moved, 0, failedAgain);
		}

		@Override
		public Optional<DeadLetterMessage> message(String queue, String messageId) {
			throw new UnsupportedOperationException("a job never opens a message");
		}

		@Override
		public boolean discard(String queue, String messageId) {
			throw new UnsupportedOperationException("a job never discards");
		}

	}

	private static final class InMemoryJobs implements DeadLetterJobs {

		final Map<UUID, DeadLetterJob> rows = new LinkedHashMap<>();

		@Override
		public Optional<DeadLetterJob> startUnlessRunning(DeadLetterJob job) {
			Optional<DeadLetterJob> running = running().stream()
				.filter((row) -> row.queue().equals(job.queue()))
				.findFirst();
			if (running.isEmpty()) {
				this.rows.put(job.id(), job);
			}
			return running;
		}

		@Override
		public Optional<DeadLetterJob> find(UUID id) {
			return Optional.ofNullable(this.rows.get(id));
		}

		@Override
		public List<DeadLetterJob> recent(int limit) {
			return this.rows.values()
				.stream()
				.sorted(Comparator.comparing(DeadLetterJob::createdAt).reversed())
				.limit(limit)
				.toList();
		}

		@Override
		public List<DeadLetterJob> running() {
			return this.rows.values().stream().filter(DeadLetterJob::running).toList();
		}

		@Override
		public boolean progress(UUID id, long moved, long failedAgain) {
			DeadLetterJob job = this.rows.get(id);
			if (job == null || !job.running()) {
				return false;
			}
			this.rows.put(id, new DeadLetterJob(id, job.queue(), job.state(), job.estimated(), job.moved() + moved,
					job.failedAgain() + failedAgain, job.createdBy(), job.createdAt(), null, null, null));
			return true;
		}

		@Override
		public boolean end(UUID id, DeadLetterJob.State state, Instant at, @Nullable String cancelledBy,
				@Nullable String error) {
			DeadLetterJob job = this.rows.get(id);
			if (job == null || !job.running()) {
				return false;
			}
			this.rows.put(id, new DeadLetterJob(id, job.queue(), state, job.estimated(), job.moved(), job.failedAgain(),
					job.createdBy(), job.createdAt(), at, cancelledBy, error));
			return true;
		}

	}

}
