package dev.switchboard.issuesync.issuechange;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.issuesync.Bus;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;

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
	IssueSyncHarness harness;

	@Autowired
	JdbcClient jdbc;

	@InjectWireMock("github")
	WireMockServer github;

	Bus bus;

	@BeforeEach
	void bus() {
		this.bus = this.harness.bus();
	}

	@Test
	void appliesTheCloseOfAnIssueNobodyLinkedYetToTheTicketBeingLinked() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		stubRead(number, issueId, SLOW_READ_MS, 10);
		String ticket = IssueSyncHarness.ticket();

		this.bus.publish(Bus.internalNote(ticket, "https://github.com/Codertocat/Hello-World/issues/" + number));
		InboundDelivery close = closeDuringTheRead(number, issueId);

		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.recorded(close)).isTrue());
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.linksOf(ticket)).isEqualTo(1));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.payloadsFor(ticket)).anyMatch(Reopen.class::isInstance));
		assertThat(this.bus.notesFor(ticket))
			.anySatisfy((note) -> assertThat(note).startsWith("GitHub Codertocat/Hello-World#" + number
					+ " \"Spelling error in the README file\" was closed as completed."));
		assertThat(this.harness.githubStateOf(issueId)).isEqualTo("closed as completed");
	}

	@Test
	void appliesTheCloseToTheTicketBeingLinkedAsToTheTicketsLinkedBefore() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		stubRead(number, issueId, 0, 10);
		String first = IssueSyncHarness.ticket();
		this.bus.publish(Bus.internalNote(first, "https://github.com/Codertocat/Hello-World/issues/" + number));
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.linksOf(first)).isEqualTo(1));
		this.github.resetRequests();
		stubRead(number, issueId, SLOW_READ_MS, 1);
		String second = IssueSyncHarness.ticket();

		this.bus.publish(Bus.internalNote(second, "https://github.com/Codertocat/Hello-World/issues/" + number));
		InboundDelivery close = closeDuringTheRead(number, issueId);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.payloadsFor(first)).anyMatch(Reopen.class::isInstance));
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.linksOf(second)).isEqualTo(1));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.payloadsFor(second)).anyMatch(Reopen.class::isInstance));
		assertThat(this.harness.recorded(close)).isTrue();
		assertThat(this.bus.notesFor(second))
			.anySatisfy((note) -> assertThat(note).contains("was closed as completed"));
		// the same close, the same command ids for every ticket: nothing twice
		assertThat(this.bus.payloadsFor(second)).filteredOn(Reopen.class::isInstance).hasSize(1);
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

}
