package dev.switchboard.gateway.delivery.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The delivery log's group commit: rows that come while a write is under way go together,
 * each caller returns once its own row is written, and a row that fails fails alone.
 */
@Timeout(30)
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
		behindAHeldWrite(4, this.written::add, rows(10));

		assertThat(this.written).allMatch((rows) -> rows.size() <= 4);
		assertThat(this.written.stream().mapToInt(List::size).sum()).isEqualTo(11);
	}

	@Test
	void aRowThatCannotBeWrittenFailsItsOwnCallerOnlyAndTheOthersOfItsGroupAreWritten() throws Exception {
		Map<String, Future<?>> callers = behindAHeldWrite(64, (rows) -> {
			if (rows.contains("bad")) {
				throw new IllegalArgumentException("value too long for column");
			}
			this.written.add(rows);
		}, List.of("good", "bad", "also-good"));

		assertThat(callers.get("good")).succeedsWithin(Duration.ZERO);
		assertThat(callers.get("also-good")).succeedsWithin(Duration.ZERO);
		assertThat(callers.get("bad")).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(IllegalArgumentException.class)
			.withMessageContaining("value too long");
		assertThat(this.written).containsExactlyInAnyOrder(List.of("first"), List.of("good"), List.of("also-good"));
	}

	@Test
	void whenTheDatabaseCannotBeReachedTheWholeGroupFailsAtOnceInsteadOfRowByRow() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		Map<String, Future<?>> callers = behindAHeldWrite(64, (rows) -> {
			attempts.incrementAndGet();
			throw new CannotGetJdbcConnectionException("Connection is not available, request timed out");
		}, rows(5));

		assertThat(callers.values()).allSatisfy((caller) -> assertThat(caller).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(CannotGetJdbcConnectionException.class));
		assertThat(attempts).as("one attempt for the group of five").hasValue(1);
	}

	@Test
	void ifTheWriterDiesItsCallersGetAFailureAndLaterRowsAreWrittenByTheirCallers() {
		AtomicInteger calls = new AtomicInteger();
		try (GroupCommit<String> commit = new GroupCommit<>("test-writer", (rows) -> {
			if (calls.getAndIncrement() == 0) {
				throw new AssertionError("an error no writer survives");
			}
			this.written.add(rows);
		}, 64, this.groups)) {
			assertThatIllegalStateException().isThrownBy(() -> commit.write("first"))
				.withMessageContaining("writer failed");

			commit.write("later");
		}
		assertThat(this.written).containsExactly(List.of("later"));
	}

	@Test
	void aRowWrittenAfterCloseIsWrittenByItsCaller() {
		GroupCommit<String> commit = new GroupCommit<>("test-writer", this.written::add, 64, this.groups);
		commit.close();

		commit.write("late");

		assertThat(this.written).containsExactly(List.of("late"));
	}

	@Test
	void stopSaysOnlyOnceThatItStoppedAndLaterRowsAreWrittenAloneByTheirCallers() {
		try (GroupCommit<String> commit = new GroupCommit<>("test-writer", this.written::add, 64, this.groups)) {
			assertThat(commit.stop()).isTrue();
			assertThat(commit.stop()).isFalse();

			commit.write("after-stop");

			assertThat(this.written).containsExactly(List.of("after-stop"));
			assertThat(this.groups.count()).as("no group recorded").isZero();
		}
	}

	@Test
	void theCallerGetsItsRowsFailure() {
		try (GroupCommit<String> commit = new GroupCommit<>("test-writer", (rows) -> {
			throw new IllegalArgumentException("refused");
		}, 64, this.groups)) {
			assertThatIllegalArgumentException().isThrownBy(() -> commit.write("refused")).withMessage("refused");
		}
	}

	/**
	 * Writes {@code first} and holds that write until {@code rows} were handed in behind
	 * it; returns each row's caller, done. {@code write} gets every write after the
	 * first.
	 */
	private Map<String, Future<?>> behindAHeldWrite(int maxRows, Consumer<List<String>> write, List<String> rows)
			throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		Map<String, Future<?>> callers = new LinkedHashMap<>();
		try (GroupCommit<String> commit = new GroupCommit<>("test-writer", (group) -> {
			if (calls.getAndIncrement() == 0) {
				hold(release);
				this.written.add(group);
			}
			else {
				write.accept(group);
			}
		}, maxRows, this.groups)) {
			Future<?> first = this.callers.submit(() -> commit.write("first"));
			await().until(() -> calls.get() == 1);
			for (String row : rows) {
				callers.put(row, this.callers.submit(() -> commit.write(row)));
			}
			await().pollDelay(Duration.ofMillis(100)).until(() -> true);
			release.countDown();
			first.get(10, TimeUnit.SECONDS);
			for (Future<?> caller : callers.values()) {
				try {
					caller.get(10, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					// the test looks at it
				}
			}
		}
		return callers;
	}

	private static List<String> rows(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "row-" + i).toList();
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
