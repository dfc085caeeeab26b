package dev.switchboard.statuspage.retention.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention purge's ShedLock lock is short and kept alive while the purge runs: a
 * killed instance holds the purge back for 30 s at most, a long purge keeps its lock.
 */
@StatuspageIntegrationTest
class RetentionPurgeLockIntegrationTests {

	@Autowired
	RetentionPurge purge;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void holdsAShortLockThatIsExtendedWhileThePurgeRunsAndReleasedAfter() throws Exception {
		UUID old = UUID.randomUUID();
		this.jdbc.sql("insert into received_delivery (event_id, delivery_id, received_at) values (?, 'old', ?)")
			.params(old, Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")))
			.update();
		CompletableFuture<Void> running;
		try (Connection blocker = this.dataSource.getConnection()) {
			// holds a row the purge deletes: the purge runs until the test lets it go
			blocker.setAutoCommit(false);
			try (PreparedStatement hold = blocker
				.prepareStatement("select event_id from received_delivery where event_id = ? for update")) {
				hold.setObject(1, old);
				hold.executeQuery().close();
			}
			running = CompletableFuture.runAsync(this.purge::purge);

			Lock first = await().atMost(Duration.ofSeconds(10))
				.until(this::lock, (lock) -> lock != null && lock.held());
			assertThat(Duration.between(first.lockedAt(), first.lockUntil()))
				.isLessThanOrEqualTo(Duration.ofSeconds(30));
			// kept alive every 15 s while the purge runs
			await().atMost(Duration.ofSeconds(25))
				.until(this::lock, (lock) -> lock.lockUntil().isAfter(first.lockUntil().plusSeconds(5)));
			assertThat(running).isNotDone();
			blocker.rollback();
		}
		running.get();
		assertThat(lock().held()).isFalse();
		assertThat(this.jdbc.sql("select count(*) from received_delivery where event_id = ?")
			.param(old)
			.query(Long.class)
			.single()).isZero();
	}

	private Lock lock() {
		return this.jdbc.sql("""
				select locked_at, lock_until, lock_until > current_timestamp as held from shedlock
				where name = 'statuspage-retention-purge'
				""")
			.query((ResultSet rs, int row) -> new Lock(rs.getTimestamp("locked_at").toInstant(),
					rs.getTimestamp("lock_until").toInstant(), rs.getBoolean("held")))
			.optional()
			.orElseThrow(() -> new AssertionError("No shedlock row for statuspage-retention-purge"));
	}

	record Lock(Instant lockedAt, Instant lockUntil, boolean held) {

	}

}
