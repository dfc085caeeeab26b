package dev.switchboard.issuesync.issuechange;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.issuesync.Bus;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The close webhook is consumed while a ticket's link is being made: after the tracker
 * answered the link's read (open) and before the link commits. The new link's ticket gets
 * the close (note and reopen) at once, not at the next reconciliation.
 */
@IssueSyncIntegrationTest
class CloseWhileLinkingIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	/**
	 * The tracker's slow answer to the link's read (within the test read timeout of 2s),
	 * during which the close arrives.
	 */
	private static final int SLOW_READ_MS = 1_500;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@InjectWireMock("github")
	WireMockServer github;

	Bus bus;

	@BeforeEach
	void bus() {
		this.bus = new Bus(this.rabbit, this.json);
	}

	@Test
	void appliesTheCloseOfAnIssueNobodyLinkedYetToTheTicketBeingLinked() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		stubRead(number, issueId, SLOW_READ_MS, 10);
		String ticket = IssueSyncHarness.ticket();

		this.bus.publish(Bus.internalNote(ticket, "https://github.com/Codertocat/Hello-World/issues/" + number));
		InboundDelivery close = closeDuringTheRead(number, issueId);

		await().atMost(WAIT).untilAsserted(() -> assertThat(recorded(close)).isTrue());
		await().atMost(WAIT).untilAsserted(() -> assertThat(linksOf(ticket)).isEqualTo(1));
		await().atMost(WAIT).untilAsserted(() -> assertThat(payloads(ticket)).anyMatch(Reopen.class::isInstance));
		assertThat(notes(ticket)).anySatisfy((note) -> assertThat(note).startsWith("GitHub Codertocat/Hello-World#"
				+ number + " \"Spelling error in the README file\" was closed as completed."));
		assertThat(stateOf(issueId)).isEqualTo("closed as completed");
	}

	@Test
	void appliesTheCloseToTheTicketBeingLinkedAsToTheTicketsLinkedBefore() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		stubRead(number, issueId, 0, 10);
		String first = IssueSyncHarness.ticket();
		this.bus.publish(Bus.internalNote(first, "https://github.com/Codertocat/Hello-World/issues/" + number));
		await().atMost(WAIT).untilAsserted(() -> assertThat(linksOf(first)).isEqualTo(1));
		this.github.resetRequests();
		stubRead(number, issueId, SLOW_READ_MS, 1);
		String second = IssueSyncHarness.ticket();

		this.bus.publish(Bus.internalNote(second, "https://github.com/Codertocat/Hello-World/issues/" + number));
		InboundDelivery close = closeDuringTheRead(number, issueId);

		await().atMost(WAIT).untilAsserted(() -> assertThat(payloads(first)).anyMatch(Reopen.class::isInstance));
		await().atMost(WAIT).untilAsserted(() -> assertThat(linksOf(second)).isEqualTo(1));
		await().atMost(WAIT).untilAsserted(() -> assertThat(payloads(second)).anyMatch(Reopen.class::isInstance));
		assertThat(recorded(close)).isTrue();
		assertThat(notes(second)).anySatisfy((note) -> assertThat(note).contains("was closed as completed"));
		// the same close, the same command ids for every ticket: nothing twice
		assertThat(payloads(second)).filteredOn(Reopen.class::isInstance).hasSize(1);
	}

	/**
	 * Publishes the close once the link's read is at the tracker (which answers only
	 * after {@link #SLOW_READ_MS}).
	 */
	private InboundDelivery closeDuringTheRead(int number, long issueId) {
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(
					this.github.findAll(getRequestedFor(urlPathEqualTo(IssueSyncHarness.issuePath(number)))))
				.isNotEmpty());
		InboundDelivery close = Bus.delivery(Provider.GITHUB, "issues", UUID.randomUUID().toString(),
				Fixtures.githubIssuesEvent("closed",
						Fixtures.githubIssue(issueId, number, "closed", "completed", "2026-11-23T10:00:00Z")));
		this.bus.publish(close);
		return close;
	}

	private void stubRead(int number, long issueId, int delayMs, int priority) {
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).atPriority(priority)
			.willReturn(
					okJson(Fixtures.json(Fixtures.githubIssue(issueId, number, "open", null, "2026-11-23T09:00:00Z")))
						.withFixedDelay(delayMs)));
	}

	private List<TicketCommand> payloads(String ticket) {
		return this.bus.commandsFor(ticket).stream().map(Bus.Received::payload).toList();
	}

	private List<String> notes(String ticket) {
		return payloads(ticket).stream()
			.filter(AddInternalNote.class::isInstance)
			.map((command) -> ((AddInternalNote) command).body())
			.toList();
	}

	private long linksOf(String ticket) {
		return this.jdbc.sql("select count(*) from issue_link where ticket_id = ?")
			.params(ticket)
			.query(Long.class)
			.single();
	}

	private boolean recorded(InboundDelivery delivery) {
		return this.jdbc.sql("select count(*) from received_delivery where event_id = ?")
			.params(delivery.eventId())
			.query(Long.class)
			.single() == 1;
	}

	private String stateOf(long issueId) {
		return this.jdbc.sql("select state from tracked_issue where tracker = 'github' and issue_id = ?")
			.params(Long.toString(issueId))
			.query(String.class)
			.single();
	}

}
