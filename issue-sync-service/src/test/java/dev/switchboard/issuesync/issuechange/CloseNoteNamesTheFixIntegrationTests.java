package dev.switchboard.issuesync.issuechange;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * A merged pull request that closes a linked GitHub issue and the issue's close, as the
 * gateway publishes them, in either order and redelivered: each ticket gets one close
 * note, and it names the fix.
 */
@IssueSyncIntegrationTest
class CloseNoteNamesTheFixIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IssueChanges changes;

	@InjectWireMock("github")
	WireMockServer github;

	Bus bus;

	@BeforeEach
	void bus() {
		this.bus = new Bus(this.rabbit, this.json);
	}

	@Test
	void namesThePullRequestMergedBeforeTheCloseInTheOneCloseNote() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		String ticket = link(number, issueId);
		InboundDelivery merged = github("pull_request",
				Fixtures.githubMergedPullRequest(number + 1, "Corrects the README.\n\nFixes #" + number));
		InboundDelivery close = close(number, issueId);

		this.bus.publish(merged);
		this.bus.publish(close);
		this.bus.publish(merged);
		this.bus.publish(close);

		await().atMost(WAIT).untilAsserted(() -> assertThat(payloads(ticket)).anyMatch(Reopen.class::isInstance));
		await().atMost(WAIT).untilAsserted(() -> assertThat(notesAfterLink(ticket)).isNotEmpty());
		assertOneCloseNoteNamingTheFix(ticket, number);
	}

	@Test
	void holdsTheCloseNoteForThePullRequestMergedAfterTheCloseAndSendsItOnce() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		String ticket = link(number, issueId);
		InboundDelivery close = close(number, issueId);
		InboundDelivery merged = github("pull_request",
				Fixtures.githubMergedPullRequest(number + 1, "Corrects the README.\n\nFixes #" + number));

		this.bus.publish(close);
		// the reopen does not wait for the fix
		await().atMost(WAIT).untilAsserted(() -> assertThat(payloads(ticket)).anyMatch(Reopen.class::isInstance));
		assertThat(notesAfterLink(ticket)).isEmpty();
		this.bus.publish(merged);
		this.bus.publish(close);
		this.bus.publish(merged);

		await().atMost(WAIT).untilAsserted(() -> assertThat(notesAfterLink(ticket)).isNotEmpty());
		assertThat(this.changes.sendDueCloseNotes(1_000)).isZero();
		assertOneCloseNoteNamingTheFix(ticket, number);
	}

	@Test
	void sendsTheHeldCloseNoteWithoutAFixWhenNoneArrivesInTimeAndNothingForALateOne() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		String ticket = link(number, issueId);
		this.bus.publish(close(number, issueId));
		await().atMost(WAIT).untilAsserted(() -> assertThat(payloads(ticket)).anyMatch(Reopen.class::isInstance));
		assertThat(notesAfterLink(ticket)).isEmpty();

		this.jdbc.sql("update pending_close_note set due_at = ? where tracker = 'github' and issue_id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), Long.toString(issueId))
			.update();
		assertThat(this.changes.sendDueCloseNotes(1_000)).isGreaterThanOrEqualTo(1);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(notesAfterLink(ticket)).singleElement()
				.asString()
				.contains("was closed as completed by Codertocat")
				.doesNotContain("Fixed by"));

		InboundDelivery late = github("pull_request", Fixtures.githubMergedPullRequest(number + 1, "Fixes #" + number));
		this.bus.publish(late);
		await().atMost(WAIT).untilAsserted(() -> assertThat(recorded(late)).isTrue());
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(notesAfterLink(ticket)).hasSize(1));
	}

	private void assertOneCloseNoteNamingTheFix(String ticket, int number) {
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.bus.commandsFor(ticket)
				.stream()
				.filter((received) -> received.payload() instanceof AddInternalNote note
						&& !note.body().startsWith("Linked to"))
				.map(Bus.Received::messageId)
				.distinct()).hasSize(1));
		assertThat(notesAfterLink(ticket))
			.allSatisfy((note) -> assertThat(note)
				.startsWith("GitHub Codertocat/Hello-World#" + number
						+ " \"Spelling error in the README file\" was closed as completed by Codertocat.")
				.contains("\nFixed by pull request Codertocat/Hello-World#" + (number + 1)
						+ " \"Update the README with new information.\" merged by Codertocat: "
						+ "https://github.com/Codertocat/Hello-World/pull/" + (number + 1) + "\n")
				.endsWith("https://github.com/Codertocat/Hello-World/issues/" + number))
			.noneMatch((note) -> note.startsWith("Fix merged"));
		assertThat(this.bus.commandsFor(ticket)
			.stream()
			.filter((received) -> received.payload() instanceof Reopen)
			.map(Bus.Received::messageId)
			.distinct()).hasSize(1);
	}

	private InboundDelivery close(int number, long issueId) {
		// closed just now: GitHub sends the pull request's and the issue's events within
		// seconds
		String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		return github("issues", Fixtures.githubIssuesEvent("closed",
				Fixtures.githubIssue(issueId, number, "closed", "completed", now)));
	}

	private String link(int number, long issueId) {
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).willReturn(
				okJson(Fixtures.json(Fixtures.githubIssue(issueId, number, "open", null, "2026-11-23T09:00:00Z")))));
		String ticket = IssueSyncHarness.ticket();
		this.bus
			.publish(Bus.internalNote(ticket, "Affected: https://github.com/Codertocat/Hello-World/issues/" + number));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.jdbc.sql("select count(*) from issue_link where ticket_id = ?")
				.params(ticket)
				.query(Long.class)
				.single()).isEqualTo(1));
		await().atMost(WAIT).untilAsserted(() -> assertThat(notes(ticket)).hasSize(1));
		return ticket;
	}

	private static InboundDelivery github(String event, String body) {
		return Bus.delivery(Provider.GITHUB, event, UUID.randomUUID().toString(), body);
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

	private List<String> notesAfterLink(String ticket) {
		return notes(ticket).stream().filter((body) -> !body.startsWith("Linked to")).toList();
	}

	private boolean recorded(InboundDelivery delivery) {
		return this.jdbc.sql("select count(*) from received_delivery where event_id = ?")
			.params(delivery.eventId())
			.query(Long.class)
			.single() == 1;
	}

}
