package dev.switchboard.issuesync.issuechange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.InboundDelivery;
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
 * A merged pull request that closes a linked GitHub issue and the issue's close, as the
 * gateway publishes them, in either order and redelivered: each ticket gets one close
 * note, and it names the fix.
 */
@IssueSyncIntegrationTest
class CloseNoteNamesTheFixIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	IssueSyncHarness harness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IssueChanges changes;

	@InjectWireMock("github")
	WireMockServer github;

	Bus bus;

	@BeforeEach
	void bus() {
		this.bus = this.harness.bus();
	}

	@Test
	void namesThePullRequestMergedBeforeTheCloseInTheOneCloseNote() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		String ticket = link(number, issueId);
		InboundDelivery merged = IssueSyncHarness.github("pull_request",
				Fixtures.githubMergedPullRequest(number + 1, "Corrects the README.\n\nFixes #" + number));
		InboundDelivery close = close(number, issueId);

		this.bus.publish(merged);
		this.bus.publish(close);
		this.bus.publish(merged);
		this.bus.publish(close);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.payloadsFor(ticket)).anyMatch(Reopen.class::isInstance));
		await().atMost(WAIT).untilAsserted(() -> assertThat(notesAfterLink(ticket)).isNotEmpty());
		assertOneCloseNoteNamingTheFix(ticket, number);
	}

	@Test
	void holdsTheCloseNoteForThePullRequestMergedAfterTheCloseAndSendsItOnce() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		String ticket = link(number, issueId);
		InboundDelivery close = close(number, issueId);
		InboundDelivery merged = IssueSyncHarness.github("pull_request",
				Fixtures.githubMergedPullRequest(number + 1, "Corrects the README.\n\nFixes #" + number));

		this.bus.publish(close);
		// the reopen does not wait for the fix
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.payloadsFor(ticket)).anyMatch(Reopen.class::isInstance));
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
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.payloadsFor(ticket)).anyMatch(Reopen.class::isInstance));
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

		InboundDelivery late = IssueSyncHarness.github("pull_request",
				Fixtures.githubMergedPullRequest(number + 1, "Fixes #" + number));
		this.bus.publish(late);
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.recorded(late)).isTrue());
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
		return IssueSyncHarness.github("issues", Fixtures.githubIssuesEvent("closed",
				Fixtures.githubIssue(issueId, number, "closed", "completed", now)));
	}

	private String link(int number, long issueId) {
		this.harness.stubGithubIssue(number, issueId, "open", null, "2026-11-23T09:00:00Z");
		String ticket = IssueSyncHarness.ticket();
		this.harness.linkByNote(this.bus, ticket, IssueSyncHarness.issueUrl(number));
		return ticket;
	}

	private List<String> notesAfterLink(String ticket) {
		return this.bus.notesFor(ticket).stream().filter((body) -> !body.startsWith("Linked to")).toList();
	}

}
