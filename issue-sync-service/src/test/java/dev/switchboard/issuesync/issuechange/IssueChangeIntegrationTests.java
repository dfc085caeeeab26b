package dev.switchboard.issuesync.issuechange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.IssueStateChanged;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.issuesync.Bus;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import dev.switchboard.issuesync.link.Reports;
import dev.switchboard.issuesync.reconciliation.Reconciliation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tracker webhooks (as the gateway publishes them) and reconciliation, told to tickets.
 */
@IssueSyncIntegrationTest
class IssueChangeIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String OPENED_AT = "2026-11-23T09:00:00Z";

	@Autowired
	IssueSyncHarness harness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reconciliation reconciliation;

	@Autowired
	Reports reports;

	@InjectWireMock("github")
	WireMockServer github;

	@InjectWireMock("jira")
	WireMockServer jira;

	Bus bus;

	@BeforeEach
	void bus() {
		this.bus = this.harness.bus();
	}

	@Test
	void reopensEveryOneOfThreeLinkedTicketsOnceWhenTheIssueCloses() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		List<String> tickets = List.of(IssueSyncHarness.ticket(), IssueSyncHarness.ticket(), IssueSyncHarness.ticket());
		linkGithub(number, issueId, tickets);
		ObjectNode closed = Fixtures.githubIssue(issueId, number, "closed", "completed", "2026-11-23T10:00:00Z");
		InboundDelivery close = IssueSyncHarness.github("issues", Fixtures.githubIssuesEvent("closed", closed));
		InboundDelivery sameCloseAgain = IssueSyncHarness.github("issues",
				Fixtures.githubIssuesEvent("closed", closed));

		this.bus.publish(close);
		this.bus.publish(close);
		this.bus.publish(sameCloseAgain);

		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.recorded(close)).isTrue());
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.recorded(sameCloseAgain)).isTrue());
		for (String ticket : tickets) {
			List<TicketCommand> commands = this.bus.payloadsFor(ticket);
			assertThat(commands).filteredOn(Reopen.class::isInstance).hasSize(1);
			assertThat(commands).filteredOn(AddInternalNote.class::isInstance)
				.map((command) -> ((AddInternalNote) command).body())
				.filteredOn((body) -> !body.startsWith("Linked to"))
				.singleElement()
				.asString()
				.startsWith("GitHub Codertocat/Hello-World#" + number
						+ " \"Spelling error in the README file\" was closed as completed by Codertocat.")
				.contains("reopened");
		}
		assertThat(this.bus.eventsAbout(Long.toString(issueId))).filteredOn(IssueStateChanged.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(((IssueStateChanged) event).linkedTickets()).isEqualTo(3));
	}

	@Test
	void dropsAReopenThatIsOlderThanTheCloseAlreadyApplied() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		String ticket = IssueSyncHarness.ticket();
		linkGithub(number, issueId, List.of(ticket));
		InboundDelivery close = IssueSyncHarness.github("issues", Fixtures.githubIssuesEvent("closed",
				Fixtures.githubIssue(issueId, number, "closed", "not_planned", "2026-11-23T10:00:00Z")));
		InboundDelivery lateReopen = IssueSyncHarness.github("issues", Fixtures.githubIssuesEvent("reopened",
				Fixtures.githubIssue(issueId, number, "open", "reopened", "2026-11-23T09:30:00Z")));
		InboundDelivery laterReopen = IssueSyncHarness.github("issues", Fixtures.githubIssuesEvent("reopened",
				Fixtures.githubIssue(issueId, number, "open", "reopened", "2026-11-23T10:05:00Z")));

		this.bus.publish(close);
		this.bus.publish(lateReopen);
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.recorded(lateReopen)).isTrue());
		assertThat(this.harness.githubStateOf(issueId)).isEqualTo("closed as not planned");
		assertThat(notesAfterLink(ticket)).singleElement().asString().contains("was closed as not planned");
		assertThat(this.bus.payloadsFor(ticket)).noneMatch(Reopen.class::isInstance);

		this.bus.publish(laterReopen);
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.githubStateOf(issueId)).isEqualTo("open"));
		assertThat(notesAfterLink(ticket)).hasSize(2);
		assertThat(notesAfterLink(ticket).get(1)).contains("was reopened by Codertocat");
	}

	@Test
	void followsAJiraIssueMovedToAnotherProjectByItsIdAndReopensOnDone() {
		String id = Long.toString(20_000 + IssueSyncHarness.number());
		String key = "SUP-" + id;
		String ticket = linkJira(id, key);

		InboundDelivery moved = IssueSyncHarness.jira("jira:issue_updated",
				Fixtures.jiraMovedAndDone(id, "OPS-" + id, 1795428000000L));
		this.bus.publish(moved);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.payloadsFor(ticket)).anyMatch(Reopen.class::isInstance));
		assertThat(notesAfterLink(ticket)).singleElement()
			.asString()
			.startsWith("Jira OPS-" + id + " \"Export to CSV drops the last row\" moved from In Progress to Done by "
					+ "Grace Engineer.");
		assertThat(this.jdbc.sql("select issue_key from tracked_issue where tracker = 'jira' and issue_id = ?")
			.params(id)
			.query(String.class)
			.single()).isEqualTo("OPS-" + id);
	}

	@Test
	void relaysAJiraCommentOnceThoughJiraReportsItTwice() {
		String id = Long.toString(30_000 + IssueSyncHarness.number());
		String key = "OPS-" + id;
		String ticket = linkJira(id, key);
		String commentId = "1" + id;

		this.bus.publish(IssueSyncHarness.jira("comment_created", Fixtures.jiraComment(id, key, commentId, false)));
		this.bus.publish(IssueSyncHarness.jira("jira:issue_updated", Fixtures.jiraComment(id, key, commentId, true)));

		// both copies are relayed under one command id: the helpdesk writer applies it
		// once
		await().atMost(WAIT).untilAsserted(() -> assertThat(commentNotes(ticket)).hasSize(2));
		assertThat(commentNotes(ticket)).extracting(AddInternalNote::commandId)
			.containsOnly(commentNotes(ticket).get(0).commandId());
		assertThat(commentNotes(ticket).get(0).body()).startsWith("Comment on Jira " + key + " by Grace Engineer:")
			.contains("The fix ships with Thursday's release.")
			.endsWith("/browse/" + key);
		// the issue_updated copy changed no state: no status note
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(notesAfterLink(ticket)).hasSize(2));
	}

	/**
	 * A new ticket linked to the Jira issue by a pasted URL.
	 * @return the ticket
	 */
	private String linkJira(String id, String key) {
		this.harness.stubJiraIssue(id, key);
		String ticket = IssueSyncHarness.ticket();
		this.harness.linkByNote(this.bus, ticket, this.jira.baseUrl() + "/browse/" + key);
		return ticket;
	}

	private List<AddInternalNote> commentNotes(String ticket) {
		return this.bus.payloadsFor(ticket)
			.stream()
			.filter(AddInternalNote.class::isInstance)
			.map(AddInternalNote.class::cast)
			.filter((note) -> note.body().startsWith("Comment on"))
			.toList();
	}

	@Test
	void reKeysTheLinksOfATransferredGithubIssueAndFollowsTheNewIssue() {
		int number = IssueSyncHarness.number();
		long oldId = 800_000_000L + number;
		long newId = 1_800_000_000L + number;
		String ticket = IssueSyncHarness.ticket();
		linkGithub(number, oldId, List.of(ticket));
		UUID linkId = this.jdbc.sql("select id from issue_link where ticket_id = ?")
			.params(ticket)
			.query(UUID.class)
			.single();
		ObjectNode moved = Fixtures.githubIssue(newId, 7, "open", null, "2026-11-23T09:10:00Z");
		moved.put("html_url", "https://github.com/octo-org/hello-world-npm/issues/7");

		this.bus.publish(IssueSyncHarness.github("issues",
				Fixtures.githubTransferred(Fixtures.githubIssue(oldId, number, "open", null, "2026-11-23T09:10:00Z"),
						moved, "octo-org/hello-world-npm")));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.jdbc.sql("select issue_id from issue_link where id = ?")
				.params(linkId)
				.query(String.class)
				.single()).isEqualTo(Long.toString(newId)));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(notesAfterLink(ticket)).singleElement()
				.asString()
				.contains("was transferred to GitHub octo-org/hello-world-npm#7"));

		ObjectNode closed = Fixtures.githubIssue(newId, 7, "closed", "completed", "2026-11-23T11:00:00Z");
		closed.put("html_url", "https://github.com/octo-org/hello-world-npm/issues/7");
		String closeEvent = Fixtures.githubIssuesEvent("closed", closed)
			.replace("\"full_name\":\"Codertocat/Hello-World\"", "\"full_name\":\"octo-org/hello-world-npm\"");
		this.bus.publish(IssueSyncHarness.github("issues", closeEvent));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.payloadsFor(ticket)).anyMatch(Reopen.class::isInstance));
	}

	@Test
	void reconciliationAppliesACloseWhoseWebhookWasLost() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		String ticket = IssueSyncHarness.ticket();
		linkGithub(number, issueId, List.of(ticket));
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number)))
			.withHeader("If-None-Match", equalTo("\"etag-" + number + "\""))
			.willReturn(okJson(
					Fixtures.json(Fixtures.githubIssue(issueId, number, "closed", "completed", "2026-11-23T12:00:00Z")))
				.withHeader("ETag", "\"etag-closed-" + number + "\"")));

		assertThat(this.reconciliation.run()).isGreaterThanOrEqualTo(1);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.payloadsFor(ticket)).anyMatch(Reopen.class::isInstance));
		assertThat(this.harness.githubStateOf(issueId)).isEqualTo("closed as completed");
		this.github.verify(getRequestedFor(urlPathEqualTo(IssueSyncHarness.issuePath(number)))
			.withHeader("If-None-Match", equalTo("\"etag-" + number + "\"")));
	}

	@Test
	void reconciliationAppliesAReopenWhoseWebhookWasLost() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		String ticket = IssueSyncHarness.ticket();
		linkGithub(number, issueId, List.of(ticket));
		Instant closedAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		InboundDelivery close = IssueSyncHarness.github("issues", Fixtures.githubIssuesEvent("closed",
				Fixtures.githubIssue(issueId, number, "closed", "not_planned", closedAt.toString())));
		this.bus.publish(close);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.harness.githubStateOf(issueId)).isEqualTo("closed as not planned"));
		// the reopened webhook failed at the gateway; GitHub never sends it again
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).atPriority(1)
			.willReturn(okJson(Fixtures.json(Fixtures.githubIssue(issueId, number, "open", "reopened",
					closedAt.plus(Duration.ofHours(1)).toString())))
				.withHeader("ETag", "\"etag-reopened-" + number + "\"")));

		assertThat(this.reconciliation.run()).isGreaterThanOrEqualTo(1);

		assertThat(this.harness.githubStateOf(issueId)).isEqualTo("open");
		await().atMost(WAIT).untilAsserted(() -> assertThat(notesAfterLink(ticket)).hasSize(2));
		assertThat(notesAfterLink(ticket).get(1)).contains("reopened");
	}

	@Test
	void relaysOtherBotsCommentsButNotTheEchoOfSwitchboardsOwnReportComment() {
		int number = IssueSyncHarness.number();
		long issueId = 800_000_000L + number;
		long ownCommentId = 6_000_000L + number;
		String ticket = IssueSyncHarness.ticket();
		linkGithub(number, issueId, List.of(ticket));
		String issuePath = IssueSyncHarness.issuePath(number);
		this.github.stubFor(post(urlPathEqualTo(issuePath + "/comments")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":" + ownCommentId + ",\"body\":\"Reported in 1 customer conversation\"}")));
		this.github.stubFor(post(urlPathEqualTo(issuePath + "/labels")).willReturn(okJson("[]")));
		this.reports.writeDue(1_000);
		ObjectNode issue = Fixtures.githubIssue(issueId, number, "open", null, "2026-11-23T09:20:00Z");
		InboundDelivery echo = IssueSyncHarness.github("issue_comment", Fixtures.githubComment(issue, ownCommentId,
				"switchboard[bot]", "Bot", "Reported in 1 customer conversation (tickets " + ticket + ")."));
		InboundDelivery otherBot = IssueSyncHarness.github("issue_comment", Fixtures.githubComment(issue,
				ownCommentId + 1, "deploy-bot[bot]", "Bot", "Deployed the fix to staging"));

		this.bus.publish(echo);
		this.bus.publish(otherBot);

		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.recorded(otherBot)).isTrue());
		assertThat(this.harness.recorded(echo)).isTrue();
		assertThat(notesAfterLink(ticket)).singleElement()
			.asString()
			.startsWith("Comment on GitHub Codertocat/Hello-World#" + number + " by deploy-bot[bot]:")
			.contains("Deployed the fix to staging");
	}

	private void linkGithub(int number, long issueId, List<String> tickets) {
		this.harness.stubGithubIssue(number, issueId, "open", null, OPENED_AT);
		for (String ticket : tickets) {
			this.harness.linkByNote(this.bus, ticket, IssueSyncHarness.issueUrl(number));
		}
	}

	private List<String> notesAfterLink(String ticket) {
		return this.bus.notesFor(ticket).stream().filter((body) -> !body.startsWith("Linked to")).toList();
	}

}
