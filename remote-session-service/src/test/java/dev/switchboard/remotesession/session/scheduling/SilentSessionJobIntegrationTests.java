package dev.switchboard.remotesession.session.scheduling;

import static dev.switchboard.remotesession.RemoteSessionFixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.SessionEnded;
import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Guacamole session whose start was pushed and whose end never came is ended by the
 * {@code remote-session.end-silent-sessions} job once it has been silent for
 * {@code max-silence} (12 h): one end note, however many instances trigger the job at
 * once (ShedLock: one runs, under a short lock).
 */
@RemoteSessionIntegrationTest
class SilentSessionJobIntegrationTests {

	@Autowired
	RemoteSessionHarness harness;

	@Autowired
	JdbcClient jdbc;

	private static final String GUACAMOLE_CONNECTION = """
			{"ticketId":"%s","provider":"guacamole","agentEmail":"ada@example.com",
			 "connection":{"protocol":"vnc","hostname":"desk-42.customer.example","port":5900,"parameters":{}}}
			""";

	@Autowired
	private SessionJobs jobs;

	@Test
	void endsAStartedGuacamoleSessionWhoseEndNeverCameOnceWithOneEndNoteWhenInstancesTriggerTheJobTogether()
			throws Exception {
		String ticketId = newTicketId();
		UUID id = UUID.fromString(
				this.harness.read(this.harness.api("POST", "/api/sessions", GUACAMOLE_CONNECTION.formatted(ticketId)))
					.get("id")
					.asString());
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.harness.publish(this.harness.pushed("session.started", id.toString(), start, "null", "null", "null"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.stateOf(id)).isEqualTo("STARTED"));

		// thirteen hours without an event, as the job sees it
		Timestamp longAgo = Timestamp.from(start.minus(Duration.ofHours(13)));
		this.jdbc.sql("update remote_session set started_at = ?, last_event_at = ? where id = ?")
			.params(longAgo, longAgo, id)
			.update();
		triggerTogether(4);

		// one trigger ran it (or the schedule did, and the triggers found the lock taken)
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.stateOf(id)).isEqualTo("ENDED"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notesOf(ticketId)).hasSize(2));
		assertThat(notesOf(ticketId).get(0)).startsWith("Remote session created with Guacamole");
		assertThat(notesOf(ticketId).get(1))
			.isEqualTo("Remote session ended (Guacamole " + id + ").\n" + "Agent: ada@example.com\nStarted: "
					+ java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
						.withZone(java.time.ZoneOffset.UTC)
						.format(longAgo.toInstant())
					+ "\nDuration: unknown\nEnd reason: no end event received within 12h\nRecording: none");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.eventsFor(ticketId)).filteredOn(SessionEnded.class::isInstance)
				.map((event) -> ((SessionEnded) event).outcome())
				.containsExactly("ended"));
		Timestamp lockedUntil = this.jdbc.sql("select lock_until from shedlock where name = ?")
			.param("remote-session.end-silent-sessions")
			.query(Timestamp.class)
			.single();
		assertThat(lockedUntil.toInstant()).isBefore(Instant.now().plus(Duration.ofMinutes(1)).plusSeconds(5));

		triggerTogether(2);
		String marker = newTicketId();
		this.harness.read(this.harness.api("POST", "/api/sessions", GUACAMOLE_CONNECTION.formatted(marker)));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notesOf(marker)).hasSize(1));
		assertThat(notesOf(ticketId)).hasSize(2);
	}

	/** The job's trigger, fired by several instances at the same moment. */
	private void triggerTogether(int instances) throws Exception {
		CountDownLatch ready = new CountDownLatch(1);
		try (ExecutorService triggers = Executors.newFixedThreadPool(instances)) {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				runs.add(triggers.submit(() -> {
					ready.await();
					this.jobs.endSilentSessions();
					return null;
				}));
			}
			ready.countDown();
			for (Future<?> run : runs) {
				run.get(30, TimeUnit.SECONDS);
			}
		}
	}

	private List<String> notesOf(String ticketId) {
		return this.harness.commandsFor(ticketId)
			.stream()
			.filter(AddInternalNote.class::isInstance)
			.map((command) -> ((AddInternalNote) command).body())
			.toList();
	}

}
