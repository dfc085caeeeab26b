package dev.switchboard.issuesync.issuechange;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.issuesync.Bus;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import dev.switchboard.issuesync.link.Cause;
import dev.switchboard.issuesync.link.Link;
import dev.switchboard.issuesync.link.Linking;
import dev.switchboard.issuesync.link.Links;
import dev.switchboard.issuesync.tracker.GithubIssueNumber;
import dev.switchboard.issuesync.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fan-out of one close to 500 linked tickets: every ticket gets exactly one reopen.
 * Prints the time from publishing the webhook until the last reopen command was received
 * (a figure to watch, not an assertion on speed).
 */
@IssueSyncIntegrationTest
class CloseFanOutBenchmarkIntegrationTests {

	private static final int TICKETS = 500;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JsonMapper json;

	@Autowired
	Linking linking;

	@Autowired
	Links links;

	@InjectWireMock("github")
	WireMockServer github;

	@Test
	void closingAnIssueLinkedToFiveHundredTicketsReopensEachOnce() {
		Bus bus = new Bus(this.rabbit, this.json);
		int number = IssueSyncHarness.number();
		long issueId = 500_000_000L + number;
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).willReturn(
				okJson(Fixtures.json(Fixtures.githubIssue(issueId, number, "open", null, "2026-11-23T09:00:00Z")))));
		String prefix = "bench" + number + "-";
		this.linking.link(prefix + 0, new GithubIssueNumber("Codertocat", "Hello-World", number),
				new Cause("bench|" + number, "corr-bench", Instant.now()));
		for (int i = 1; i < TICKETS; i++) {
			this.links.add(Link.of(prefix + i, Tracker.GITHUB, Long.toString(issueId), Instant.now()));
		}
		String close = Fixtures.githubIssuesEvent("closed",
				Fixtures.githubIssue(issueId, number, "closed", "completed", "2026-11-23T10:00:00Z"));

		long started = System.nanoTime();
		bus.publish(Bus.delivery(Provider.GITHUB, "issues", UUID.randomUUID().toString(), close));
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(reopenedTickets(bus, prefix)).hasSize(TICKETS));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

		assertThat(bus.allCommands()
			.stream()
			.filter(Reopen.class::isInstance)
			.filter((command) -> command.ticketId().startsWith(prefix))).hasSize(TICKETS);
		System.out.printf("BENCHMARK issue-sync: issue closed -> %d reopen commands published and received in %d ms%n",
				TICKETS, elapsed.toMillis());
	}

	private static Set<String> reopenedTickets(Bus bus, String prefix) {
		return bus.allCommands()
			.stream()
			.filter(Reopen.class::isInstance)
			.map(TicketCommand::ticketId)
			.filter((ticket) -> ticket.startsWith(prefix))
			.collect(Collectors.toSet());
	}

}
