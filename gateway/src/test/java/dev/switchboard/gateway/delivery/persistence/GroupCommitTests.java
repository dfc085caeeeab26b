package dev.switchboard.gateway.delivery.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The delivery log's group commit: rows that come while a write is under way go together,
 * each caller returns once its own row is written, and a row that fails fails alone.
 */
class GroupCommitTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DistributionSummary groups = DistributionSummary.builder("groups").register(this.meters);

	private final List<List<String>> written = Collections.synchronizedList(new ArrayList<>());

	private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

	@AfterEach
	void tearDown() {
		this.callers.shutdownNow();
	}

	@Test
	void rowsThatComeWhileAWriteIsUnderWayAreWrittenTogetherAndEachCallerWaitsForItsOwn() throws Exception {
		CountDownLatch firstWriteStarted = new CountDownLatch(1);
		CountDownLatch releaseFirstWrite = new CountDownLatch(1);
		try (GroupCommit<String> commit = new GroupCommit<>("test-writer", (rows) -> {
			if (rows.contains("first")) {
				firstWriteStarted.countDown();
				hold(releaseFirstWrite);
			}
			this.written.add(rows);
		}, 64, this.groups)) {
			Future<?> first = this.callers.submit(() -> commit.write("first"));
			assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
			List<Future<?>> others = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String row = "row-" + i;
				others.add(this.callers.submit(() -> commit.write(row)));
			}
			await().during(Duration.ofMillis(200)).until(() -> others.stream().noneMatch(Future::isDone));
			assertThat(first.isDone()).as("the first caller waits for its write").isFalse();

			releaseFirstWrite.countDown();
			first.get(10, TimeUnit.SECONDS);
			for (Future<?> other : others) {
				other.get(10, TimeUnit.SECONDS);
			}
		}
		assertThat(this.written).hasSize(2);
		assertThat(this.written.get(0)).containsExactly("first");
		assertThat(this.written.get(1)).hasSize(20).allMatch((row) -> row.startsWith("row-"));
		assertThat(this.groups.count()).isEqualTo(2);
		assertThat(this.groups.max()).isEqualTo(20);
	}

	@Test
	void aGroupIsNeverLargerThanItsLimit() throws Exception {
		CountDownLatch releaseFirstWrite = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		try (GroupCommit<String> commit = new GroupCommit<>("test-writer", (rows) -> {
			if (calls.getAndIncrement() == 0) {
				hold(releaseFirstWrite);
			}
			this.written.add(rows);
		}, 4, this.groups)) {
			Future<?> first = this.callers.submit(() -> commit.write("first"));
			await().until(() -> calls.get() == 1);
			List<Future<?>> others = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				String row = "row-" + i;
				others.add(this.callers.submit(() -> commit.write(row)));
			}
			await().pollDelay(Duration.ofMillis(100)).until(() -> true);
			releaseFirstWrite.countDown();
			first.get(10, TimeUnit.SECONDS);
			for (Future<?> other : others) {
				other.get(10, TimeUnit.SECONDS);
			}
		}
		assertThat(this.written).allMatch((rows) -> rows.size() <= 4);
		assertThat(this.written.stream().mapToInt(List::size).sum()).isEqualTo(11);
	}

	@Test
	void aRowThatCannotBeWrittenFailsItsOwnCallerOnlyAndTheOthersOfItsGroupAreWritten() throws Exception {
		CountDownLatch releaseFirstWrite = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		try (GroupCommit<String> commit = new GroupCommit<>("test-writer", (rows) -> {
			if (calls.getAndIncrement() == 0) {
				hold(releaseFirstWrite);
			}
			if (rows.contains("bad")) {
				throw new IllegalArgumentException("value too long for column");
			}
			this.written.add(rows);
		}, 64, this.groups)) {
			Future<?> first = this.callers.submit(() -> commit.write("first"));
			await().until(() -> calls.get() == 1);
			Future<?> good = this.callers.submit(() -> commit.write("good"));
			Future<?> bad = this.callers.submit(() -> commit.write("bad"));
			Future<?> alsoGood = this.callers.submit(() -> commit.write("also-good"));
			await().pollDelay(Duration.ofMillis(100)).until(() -> true);
			releaseFirstWrite.countDown();

			first.get(10, TimeUnit.SECONDS);
			good.get(10, TimeUnit.SECONDS);
			alsoGood.get(10, TimeUnit.SECONDS);
			assertThat(bad).failsWithin(Duration.ofSeconds(10))
				.withThrowableOfType(java.util.concurrent.ExecutionException.class)
				.withCauseInstanceOf(IllegalArgumentException.class)
				.withMessageContaining("value too long");
		}
		assertThat(this.written).containsExactlyInAnyOrder(List.of("first"), List.of("good"), List.of("also-good"));
	}

	@Test
	void whenTheDatabaseCannotBeReachedTheWholeGroupFailsAtOnceInsteadOfRowByRow() throws Exception {
		CountDownLatch releaseFirstWrite = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		try (GroupCommit<String> commit = new GroupCommit<>("test-writer", (rows) -> {
			if (calls.getAndIncrement() == 0) {
				hold(releaseFirstWrite);
				return;
			}
			throw new CannotGetJdbcConnectionException("Connection is not available, request timed out");
		}, 64, this.groups)) {
			Future<?> first = this.callers.submit(() -> commit.write("first"));
			await().until(() -> calls.get() == 1);
			List<Future<?>> others = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				String row = "row-" + i;
				others.add(this.callers.submit(() -> commit.write(row)));
			}
			await().pollDelay(Duration.ofMillis(100)).until(() -> true);
			releaseFirstWrite.countDown();
			first.get(10, TimeUnit.SECONDS);
			for (Future<?> other : others) {
				assertThat(other).failsWithin(Duration.ofSeconds(10))
					.withThrowableOfType(java.util.concurrent.ExecutionException.class)
					.withCauseInstanceOf(CannotGetJdbcConnectionException.class);
			}
		}
		assertThat(calls).as("the first row's write and one for the group").hasValue(2);
	}

	@Test
	void aRowWrittenAfterCloseIsWrittenByItsCaller() {
		GroupCommit<String> commit = new GroupCommit<>("test-writer", this.written::add, 64, this.groups);
		commit.close();

		commit.write("late");

		assertThat(this.written).containsExactly(List.of("late"));
	}

	@Test
	void theCallerGetsItsRowsFailure() {
		try (GroupCommit<String> commit = new GroupCommit<>("test-writer", (rows) -> {
			throw new IllegalArgumentException("refused");
		}, 64, this.groups)) {
			assertThatIllegalArgumentException().isThrownBy(() -> commit.write("refused")).withMessage("refused");
		}
	}

	private static void hold(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
