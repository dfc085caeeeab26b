package dev.switchboard.issuesync.link;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.IssueLinked;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.SetField;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.contracts.TicketFollowedUp;
import dev.switchboard.issuesync.Bus;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Links made and removed from internal notes on {@code tickets.events}. */
@IssueSyncIntegrationTest
class LinkFromNotesIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Autowired
	IssueSyncHarness harness;

	@Autowired
	JdbcClient jdbc;

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
	void linksAGithubIssuePastedTwiceInAnInternalNoteOnceAndTellsTheTicket() {
		int number = IssueSyncHarness.number();
		long issueId = 900_000_000L + number;
		stubGithubIssue(number, issueId, "open", null);
		String ticket = IssueSyncHarness.ticket();
		String url = "https://github.com/Codertocat/Hello-World/issues/" + number;
		NoteAdded note = Bus.internalNote(ticket, "Customer hit " + url + " again, see also " + url + ".");

		this.bus.publish(note);
		this.bus.publish(note);

		await().atMost(WAIT).untilAsserted(() -> assertThat(this.bus.commandsFor(ticket)).hasSize(2));
		assertThat(this.harness.linksOf(ticket)).isEqualTo(1);
		List<TicketCommand> commands = this.bus.commandsFor(ticket).stream().map(Bus.Received::payload).toList();
		assertThat(commands).filteredOn(AddInternalNote.class::isInstance)
			.singleElement()
			.extracting((command) -> ((AddInternalNote) command).body())
			.asString()
			.startsWith("Linked to GitHub Codertocat/Hello-World#" + number
					+ " \"Spelling error in the README file\" (open)");
		assertThat(commands).filteredOn(SetField.class::isInstance)
			.singleElement()
			.satisfies((command) -> assertThat(((SetField) command).value()).isEqualTo("open"));
		assertThat(this.bus.commandsFor(ticket)).allSatisfy(
				(received) -> assertThat(received.messageId()).isEqualTo(received.payload().commandId().toString()));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.eventsAbout(Long.toString(issueId))).singleElement()
				.isInstanceOfSatisfying(IssueLinked.class,
						(linked) -> assertThat(linked.ticketId()).isEqualTo(ticket)));
		this.github.verify(1, getRequestedFor(urlPathEqualTo(IssueSyncHarness.issuePath(number))));
	}

	@Test
	void ignoresPublicRepliesAndSwitchboardsOwnNotes() {
		int number = IssueSyncHarness.number();
		stubGithubIssue(number, 900_000_000L + number, "open", null);
		String ticket = IssueSyncHarness.ticket();
		String url = "https://github.com/Codertocat/Hello-World/issues/" + number;

		this.bus.publish(Bus.note(ticket, "We are tracking this in " + url, true, false));
		this.bus.publish(Bus.note(ticket, "Linked to GitHub Codertocat/Hello-World#1\n" + url, false, true));
		NoteAdded marker = Bus.internalNote(ticket, "no link here");
		this.bus.publish(marker);

		await().atMost(WAIT).untilAsserted(() -> assertThat(handled(marker)).isTrue());
		assertThat(this.harness.linksOf(ticket)).isZero();
		assertThat(this.bus.commandsFor(ticket)).isEmpty();
	}

	@Test
	void unlinksWithTheUnlinkCommand() {
		int number = IssueSyncHarness.number();
		stubGithubIssue(number, 900_000_000L + number, "open", null);
		String ticket = IssueSyncHarness.ticket();
		String url = "https://github.com/Codertocat/Hello-World/issues/" + number;
		this.bus.publish(Bus.internalNote(ticket, url));
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.linksOf(ticket)).isEqualTo(1));

		this.bus.publish(Bus.internalNote(ticket, "/unlink " + url));

		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.linksOf(ticket)).isZero());
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.commandsFor(ticket)).map(Bus.Received::payload)
				.filteredOn(AddInternalNote.class::isInstance)
				.map((command) -> ((AddInternalNote) command).body())
				.anySatisfy((body) -> assertThat(body).startsWith("Unlinked from GitHub Codertocat/Hello-World#")));
	}

	@Test
	void linksAJiraIssueOnTheConfiguredSiteOnly() {
		this.jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/SUP-1"))
			.willReturn(okJson(Fixtures.json(Fixtures.load("jira/issue.json")))));
		String ticket = IssueSyncHarness.ticket();

		this.bus.publish(Bus.internalNote(ticket, "Other site: https://other.atlassian.net/browse/SUP-1, ours: "
				+ this.jira.baseUrl() + "/browse/SUP-1"));

		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.linksOf(ticket)).isEqualTo(1));
		assertThat(this.jdbc.sql("select issue_id from issue_link where ticket_id = ?")
			.params(ticket)
			.query(String.class)
			.single()).isEqualTo("10001");
	}

	@Test
	void tellsTheTicketWhenTheLinkedIssueDoesNotExist() {
		int number = IssueSyncHarness.number();
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).willReturn(notFound()));
		String ticket = IssueSyncHarness.ticket();

		this.bus.publish(Bus.internalNote(ticket, "https://github.com/Codertocat/Hello-World/issues/" + number));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.commandsFor(ticket)).map(Bus.Received::payload)
				.singleElement()
				.isInstanceOfSatisfying(AddInternalNote.class,
						(note) -> assertThat(note.body()).startsWith("Could not link https://github.com/")
							.contains("not found")));
		assertThat(this.harness.linksOf(ticket)).isZero();
	}

	@Test
	void movesTheLinksOfAClosedTicketToItsFollowUp() {
		int number = IssueSyncHarness.number();
		stubGithubIssue(number, 900_000_000L + number, "open", null);
		String closed = IssueSyncHarness.ticket();
		String followUp = IssueSyncHarness.ticket();
		this.bus.publish(Bus.internalNote(closed, "https://github.com/Codertocat/Hello-World/issues/" + number));
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.linksOf(closed)).isEqualTo(1));

		TicketFollowedUp followedUp = new TicketFollowedUp(1, java.util.UUID.randomUUID(), "corr-f", closed,
				java.time.Instant.now(), followUp);
		this.bus.publish(followedUp);

		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.linksOf(followUp)).isEqualTo(1));
		assertThat(this.harness.linksOf(closed)).isZero();
	}

	@Test
	void parksALinkWhileGithubIsRateLimitedForMinutesAndLinksItWhenDue() {
		int number = IssueSyncHarness.number();
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number)))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));
		String ticket = IssueSyncHarness.ticket();

		this.bus.publish(Bus.internalNote(ticket, "https://github.com/Codertocat/Hello-World/issues/" + number));

		await().atMost(WAIT).untilAsserted(() -> assertThat(parkedFor(ticket)).isEqualTo(1));
		assertThat(this.jdbc.sql("select next_attempt_at from parked_link where ticket_id = ?")
			.params(ticket)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isAfter(java.time.Instant.now().plusSeconds(500));
		assertThat(this.harness.linksOf(ticket)).isZero();

		stubGithubIssue(number, 900_000_000L + number, "open", null);
		this.jdbc.sql("update parked_link set next_attempt_at = ? where ticket_id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), ticket)
			.update();
		assertThat(this.handling.retryDueParkedLinks(100)).isGreaterThanOrEqualTo(1);

		assertThat(this.harness.linksOf(ticket)).isEqualTo(1);
		assertThat(parkedFor(ticket)).isZero();
	}

	@Test
	void parksALinkWhileGithubIsDownAndLinksItOnceGithubAnswersAgain() {
		int number = IssueSyncHarness.number();
		this.github
			.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).willReturn(aResponse().withStatus(503)));
		String ticket = IssueSyncHarness.ticket();
		NoteAdded note = Bus.internalNote(ticket, "https://github.com/Codertocat/Hello-World/issues/" + number);

		this.bus.publish(note);

		await().atMost(WAIT).untilAsserted(() -> assertThat(parkedFor(ticket)).isEqualTo(1));
		await().atMost(WAIT).untilAsserted(() -> assertThat(handled(note)).isTrue());
		assertThat(this.jdbc.sql("select reason from parked_link where ticket_id = ?")
			.params(ticket)
			.query(String.class)
			.single()).contains("Unavailable").contains("HTTP 503");
		assertThat(this.harness.linksOf(ticket)).isZero();

		stubGithubIssue(number, 900_000_000L + number, "open", null);
		this.jdbc.sql("update parked_link set next_attempt_at = ? where ticket_id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), ticket)
			.update();
		assertThat(this.handling.retryDueParkedLinks(100)).isGreaterThanOrEqualTo(1);

		assertThat(this.harness.linksOf(ticket)).isEqualTo(1);
		assertThat(parkedFor(ticket)).isZero();
	}

	@Test
	void givesUpAParkedLinkAfterADayOfOutageAndTellsTheAgentOnce() {
		int number = IssueSyncHarness.number();
		this.github
			.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).willReturn(aResponse().withStatus(503)));
		String ticket = IssueSyncHarness.ticket();
		this.bus.publish(Bus.internalNote(ticket, "https://github.com/Codertocat/Hello-World/issues/" + number));
		await().atMost(WAIT).untilAsserted(() -> assertThat(parkedFor(ticket)).isEqualTo(1));
		// still down: a retry waits longer
		this.jdbc.sql("update parked_link set next_attempt_at = ?, caused_at = ? where ticket_id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
					java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600)), ticket)
			.update();
		this.handling.retryDueParkedLinks(100);
		assertThat(this.jdbc.sql("select next_attempt_at from parked_link where ticket_id = ?")
			.params(ticket)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isAfter(java.time.Instant.now().plusSeconds(500));

		this.jdbc.sql("update parked_link set next_attempt_at = ?, caused_at = ? where ticket_id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
					java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(25))), ticket)
			.update();
		this.handling.retryDueParkedLinks(100);
		this.handling.retryDueParkedLinks(100);

		assertThat(parkedFor(ticket)).isZero();
		assertThat(this.harness.linksOf(ticket)).isZero();
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.bus.commandsFor(ticket)).singleElement()
				.extracting(Bus.Received::payload)
				.isInstanceOfSatisfying(AddInternalNote.class,
						(command) -> assertThat(command.body()).startsWith("Could not link")
							.contains("did not answer for a day")
							.contains("paste the link again")));
	}

	@Autowired
	TicketEventHandling handling;

	private void stubGithubIssue(int number, long issueId, String state, @Nullable String reason) {
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).willReturn(
				okJson(Fixtures.json(Fixtures.githubIssue(issueId, number, state, reason, "2026-11-23T09:00:00Z")))
					.withHeader("ETag", "\"etag-" + number + "\"")));
	}

	private long parkedFor(String ticket) {
		return this.jdbc.sql("select count(*) from parked_link where ticket_id = ?")
			.params(ticket)
			.query(Long.class)
			.single();
	}

	private boolean handled(NoteAdded note) {
		return this.jdbc.sql("select count(*) from handled_ticket_event where event_id = ?")
			.params(note.eventId())
			.query(Long.class)
			.single() == 1;
	}

}
