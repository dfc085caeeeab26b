package dev.switchboard.issuesync.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.switchboard.contracts.TicketChanged;
import dev.switchboard.issuesync.Bus;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ticket-changed} events (a ticket's subject or description) on
 * {@code tickets.events} are taken and ignored: no link, no command, and the event is
 * recorded as handled (its transaction committed, so it was acked, not dead-lettered).
 */
@IssueSyncIntegrationTest
class TicketChangedIgnoredIntegrationTests {

	@Autowired
	IssueSyncHarness harness;

	@Autowired
	JdbcClient jdbc;

	@Test
	void takesATicketChangedEventNamingAnIssueUrlWithoutLinkingOrDeadLetteringIt() {
		Bus bus = this.harness.bus();
		String ticket = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L));
		UUID eventId = UUID.randomUUID();
		TicketChanged changed = new TicketChanged(1, eventId, "corr-" + eventId, ticket, Instant.now(),
				TicketChanged.CREATED, "Broken: https://github.com/Codertocat/Hello-World/issues/1",
				"See https://github.com/Codertocat/Hello-World/issues/1", "new", Instant.now(), false);

		bus.publish(changed);

		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("select count(*) from handled_ticket_event where event_id = ?")
				.params(eventId)
				.query(Long.class)
				.single() == 1);
		assertThat(this.jdbc.sql("select count(*) from issue_link where ticket_id = ?")
			.params(ticket)
			.query(Long.class)
			.single()).isZero();
		assertThat(bus.commandsFor(ticket)).isEmpty();
	}

}
