package dev.switchboard.crmbridge.ticket.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.crmbridge.CrmBridgeIntegrationTest;
import dev.switchboard.crmbridge.Harness;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.switchboard.crmbridge.Fixtures.fixture;
import static dev.switchboard.crmbridge.Fixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ticket drain's ShedLock is a short lease that the running instance extends while it
 * works, so a long drain keeps it and a dead instance's drain is taken over within one
 * lease, not after minutes.
 */
@CrmBridgeIntegrationTest
class DrainLockIntegrationTests {

	@Autowired
	Harness harness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Value("${crm-bridge.scheduling.lock-lease:30s}")
	Duration lease;

	@Test
	void holdsTheDrainLockForAShortLeaseAndExtendsItWhileALongDrainRuns() throws SQLException {
		String ticketId = newTicketId();
		stubTicket(ticketId);
		this.jdbc.sql("insert into ticket_state (ticket_id) values (?)").param(ticketId).update();
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-long", ticketId, Instant.now(),
				"Written after a long drain");
		try (Connection other = this.dataSource.getConnection()) {
			// another transaction holds the ticket's row: the drain waits for it as long
			// as
			// a slow helpdesk would keep it busy
			other.setAutoCommit(false);
			try (PreparedStatement lock = other
				.prepareStatement("select ticket_id from ticket_state where ticket_id = ? for update")) {
				lock.setString(1, ticketId);
				lock.executeQuery().close();
			}
			this.harness.publish(note);

			AtomicReference<Instant> firstUntil = new AtomicReference<>();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				DrainLock held = drainLock();
				assertThat(held.ahead()).isPositive();
				assertThat(held.heldFor()).isGreaterThan(Duration.ofSeconds(1));
				firstUntil.set(held.until());
			});
			await().atMost(this.lease).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
				assertThat(longestLockAhead()).isLessThanOrEqualTo(Duration.ofSeconds(60));
				assertThat(drainLock().until()).isAfter(firstUntil.get().plusSeconds(5));
			});
			assertThat(stateOf(note)).isEqualTo("pending");
			other.rollback();
		}

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("applied"));
		assertThat(longestLockAhead()).isLessThanOrEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void takesOverTheDrainWithinOneLeaseWhenTheInstanceHoldingItDies() {
		ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor();
		LockProvider otherInstance = new KeepAliveLockProvider(
				new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(this.dataSource))
					.usingDbTime()
					.withLockedByValue("instance-killed-by-the-test")
					.build()),
				keepAlive);
		AtomicReference<Optional<SimpleLock>> held = new AtomicReference<>(Optional.empty());
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			held.set(otherInstance
				.lock(new LockConfiguration(ClockProvider.now(), TicketDrainJob.LOCK, this.lease, Duration.ZERO)));
			return held.get().isPresent();
		});
		Instant acquired = Instant.now();
		// the instance dies: nobody extends its lock any more, nobody releases it
		keepAlive.shutdownNow();
		String ticketId = newTicketId();
		stubTicket(ticketId);
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-takeover", ticketId, Instant.now(),
				"Written once the dead instance's lease ran out");

		this.harness.publish(note);

		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("pending"));
		await().atMost(this.lease).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("applied"));
		assertThat(Duration.between(acquired, Instant.now())).isLessThan(this.lease.plusSeconds(5));
	}

	private void stubTicket(String ticketId) {
		String path = "/api/v2/tickets/" + ticketId + ".json";
		this.harness.zendesk()
			.register(get(urlEqualTo(path)).willReturn(okJson(fixture("zendesk/ticket.json",
					Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:00:00Z")))));
		this.harness.zendesk()
			.register(put(urlEqualTo(path)).willReturn(okJson(fixture("zendesk/ticket-updated.json",
					Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:05:00Z")))));
	}

	private String stateOf(AddInternalNote note) {
		return this.jdbc.sql("select state from ticket_command where command_id = ?")
			.param(note.commandId())
			.query(String.class)
			.optional()
			.orElse("absent");
	}

	/** The drain's lock row, measured on the database's clock (as ShedLock writes it). */
	private DrainLock drainLock() {
		return this.jdbc.sql("""
				select lock_until,
				       extract(epoch from (timezone('utc', current_timestamp) - locked_at)) * 1000 as held_ms,
				       extract(epoch from (lock_until - timezone('utc', current_timestamp))) * 1000 as ahead_ms
				from shedlock where name = ?
				""")
			.param(TicketDrainJob.LOCK)
			.query((row, number) -> new DrainLock(row.getTimestamp("lock_until").toInstant(),
					Duration.ofMillis(row.getLong("held_ms")), Duration.ofMillis(row.getLong("ahead_ms"))))
			.single();
	}

	/** How far ahead the furthest lock of any job runs. */
	private Duration longestLockAhead() {
		Long millis = this.jdbc
			.sql("select max(extract(epoch from (lock_until - timezone('utc', current_timestamp))) * 1000) "
					+ "from shedlock")
			.query(Long.class)
			.single();
		return Duration.ofMillis((millis != null) ? millis : 0);
	}

	private record DrainLock(Instant until, Duration heldFor, Duration ahead) {
	}

}
