package dev.switchboard.issuesync.timeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.issuesync.Bus;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import dev.switchboard.issuesync.access.InternalTokenProperties;
import dev.switchboard.issuesync.link.Link;
import dev.switchboard.issuesync.link.Reports;
import dev.switchboard.issuesync.link.TicketEventHandling;
import dev.switchboard.issuesync.tracker.Tracker;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriUtils;

/**
 * {@code GET /api/timeline} over HTTP with the internal token, after the history was made
 * through the service's entry points: notes and tracker webhooks on the broker, the link
 * API, the report and parked-link jobs.
 */
@IssueSyncIntegrationTest
class TimelineIntegrationTests {

	private static final String TITLE = "\"Spelling error in the README file\"";

	private static final TypeReference<List<TimelineEntry>> ENTRIES = new TypeReference<>() {
	};

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	IssueSyncHarness harness;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reports reports;

	@Autowired
	TicketEventHandling handling;

	@InjectWireMock("github")
	WireMockServer github;

	Bus bus;

	@BeforeEach
	void bus() {
		this.bus = this.harness.bus();
	}

	@Test
	void showsATicketsLinksTheChangesOfItsIssueWhileLinkedAndWhatItWasSent() throws Exception {
		int number = IssueSyncHarness.number();
		String issueId = Long.toString(500_000_000L + number);
		String url = IssueSyncHarness.issueUrl(number);
		String first = IssueSyncHarness.ticket();
		String second = IssueSyncHarness.ticket();
		this.harness.stubGithubIssue(number, Long.parseLong(issueId), "open", null, "2026-11-23T09:00:00Z");
		this.harness.linkByNote(this.bus, first, url);
		this.harness.linkByNote(this.bus, second, url);
		deliver(Fixtures.githubIssuesEvent("closed",
				Fixtures.githubIssue(Long.parseLong(issueId), number, "closed", "completed", "2026-11-23T10:00:00Z")));
		await().atMost(IssueSyncHarness.WAIT)
			.untilAsserted(() -> assertThat(this.bus.payloadsFor(second)).anyMatch(Reopen.class::isInstance));
		stubReportComment(number);
		this.reports.writeDue(1_000);
		this.bus.publish(Bus.internalNote(second, "/unlink " + url));
		await().atMost(IssueSyncHarness.WAIT).untilAsserted(() -> assertThat(this.harness.linksOf(second)).isZero());
		deliver(Fixtures.githubIssuesEvent("reopened",
				Fixtures.githubIssue(Long.parseLong(issueId), number, "open", "reopened", "2026-11-23T11:00:00Z")));
		await().atMost(IssueSyncHarness.WAIT)
			.untilAsserted(() -> assertThat(this.bus.notesFor(first)).anyMatch((note) -> note.contains("reopened by")));

		List<TimelineEntry> timeline = timeline("ticketId=" + first);

		String issue = "GitHub Codertocat/Hello-World#" + number;
		String link = Link.idOf(first, Tracker.GITHUB, issueId).toString();
		assertThat(timeline).extracting(TimelineEntry::kind)
			.containsExactly("link.created", "issue.state-changed", "note.sent", "reopen.sent", "report.written",
					"issue.state-changed", "note.sent");
		assertThat(timeline).extracting(TimelineEntry::at).isSorted();
		assertThat(timeline).allSatisfy((entry) -> {
			assertThat(entry.service()).isEqualTo(ServiceNames.ISSUE_SYNC);
			assertThat(entry.outcome()).isEqualTo(TimelineEntry.OK);
		});
		assertThat(timeline).extracting(TimelineEntry::ref).containsExactly(link, null, link, link, null, null, link);
		assertThat(timeline.get(0).summary()).isEqualTo("Ticket " + first + " linked to " + issue + " " + TITLE
				+ " (open); note sent (command " + commandId(first, "Linked to") + ")");
		assertThat(timeline.get(1).summary())
			.isEqualTo(issue + " " + TITLE + ": open → closed as completed by Codertocat; 2 linked tickets told");
		assertThat(timeline.get(2).summary()).isEqualTo("Note sent to ticket " + first + ": " + issue + " " + TITLE
				+ " was closed as completed by Codertocat. This ticket was reopened so you can tell the customer."
				+ " (command " + commandId(first, issue + " " + TITLE + " was closed") + ")");
		UUID reopen = this.bus.payloadsFor(first)
			.stream()
			.filter(Reopen.class::isInstance)
			.findFirst()
			.orElseThrow()
			.commandId();
		assertThat(timeline.get(3).summary()).isEqualTo(
				"Reopen of ticket " + first + " sent: " + issue + " is closed as completed (command " + reopen + ")");
		assertThat(timeline.get(4).summary()).isEqualTo("Report comment written on " + issue
				+ ": Reported in 2 customer conversations (tickets " + String.join(", ", sorted(first, second)) + ").");
		assertThat(timeline.get(5).summary())
			.isEqualTo(issue + " " + TITLE + ": closed as completed → open by Codertocat; 1 linked ticket told");
		assertThat(timeline.get(6).summary()).startsWith(
				"Note sent to ticket " + first + ": " + issue + " " + TITLE + " was reopened by Codertocat. (command ");

		// the second ticket's part ends with its unlink: the reopen after it is not its
		// concern
		String secondLink = Link.idOf(second, Tracker.GITHUB, issueId).toString();
		assertThat(timeline("ticketId=" + second)).extracting(TimelineEntry::kind, TimelineEntry::ref)
			.containsExactly(tuple("link.created", secondLink), tuple("issue.state-changed", null),
					tuple("note.sent", secondLink), tuple("reopen.sent", secondLink), tuple("report.written", null),
					tuple("link.removed", secondLink));
	}

	@Test
	void showsAnIssueAcrossItsTicketsWithALinkRequestThatWaitedForGithub() throws Exception {
		int number = IssueSyncHarness.number();
		long issueId = 510_000_000L + number;
		String url = IssueSyncHarness.issueUrl(number);
		String waiting = IssueSyncHarness.ticket();
		String byApi = IssueSyncHarness.ticket();
		StubMapping outage = this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).atPriority(1)
			.willReturn(aResponse().withStatus(503)));
		this.bus.publish(Bus.internalNote(waiting, "Customer hit " + url));
		await().atMost(IssueSyncHarness.WAIT).untilAsserted(() -> assertThat(parkedFor(waiting)).isEqualTo(1));
		this.github.removeStub(outage);
		this.harness.stubGithubIssue(number, issueId, "open", null, "2026-11-23T09:00:00Z");
		HttpResponse<String> created = call("POST", "/api/links",
				this.json.writeValueAsString(Map.of("ticketId", byApi, "issueUrl", url)), true);
		assertThat(created.statusCode()).isEqualTo(201);
		this.jdbc.sql("update parked_link set next_attempt_at = ? where ticket_id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), waiting)
			.update();
		this.handling.retryDueParkedLinks(100);
		assertThat(this.harness.linksOf(waiting)).isEqualTo(1);
		deliver(Fixtures.githubIssuesEvent("closed",
				Fixtures.githubIssue(issueId, number, "closed", "not_planned", "2026-11-23T10:00:00Z")));
		await().atMost(IssueSyncHarness.WAIT)
			.untilAsserted(
					() -> assertThat(this.bus.notesFor(waiting)).anyMatch((note) -> note.contains("not planned")));

		List<TimelineEntry> timeline = timeline("issue=" + UriUtils.encodeQueryParam(url, StandardCharsets.UTF_8));

		String issue = "GitHub Codertocat/Hello-World#" + number;
		assertThat(timeline).extracting(TimelineEntry::kind, TimelineEntry::outcome)
			.containsExactly(tuple("link.parked", "pending"), tuple("link.created", "ok"), tuple("link.created", "ok"),
					tuple("issue.state-changed", "ok"), tuple("note.sent", "ok"), tuple("note.sent", "ok"));
		assertThat(timeline.get(0).summary())
			.startsWith("Link of ticket " + waiting + " to " + issue + " waits: GitHub:")
			.contains("503");
		assertThat(timeline.get(0).ref()).isNull();
		assertThat(timeline.get(1).summary()).startsWith("Ticket " + byApi + " linked to " + issue + " " + TITLE);
		assertThat(timeline.get(1).ref()).isEqualTo(this.json.readTree(created.body()).get("id").asString());
		assertThat(timeline.get(2).summary()).startsWith("Ticket " + waiting + " linked to " + issue + " " + TITLE);
		assertThat(timeline.get(3).summary())
			.isEqualTo(issue + " " + TITLE + ": open → closed as not planned by Codertocat; 2 linked tickets told");
		// not planned reopens nobody (reopen-on-not-planned is off): notes only, each
		// naming its ticket
		assertThat(timeline.subList(4, 6)).extracting(TimelineEntry::summary)
			.containsExactlyInAnyOrder(
					"Note sent to ticket " + byApi + ": " + issue + " " + TITLE + " was closed as not planned by"
							+ " Codertocat. (command " + commandId(byApi, issue + " " + TITLE + " was closed") + ")",
					"Note sent to ticket " + waiting + ": " + issue + " " + TITLE + " was closed as not planned by"
							+ " Codertocat. (command " + commandId(waiting, issue + " " + TITLE + " was closed") + ")");
	}

	@Test
	void answersEmptyForWhatIssueSyncNeverDealsWithAndRefusesAnythingButOneWellFormedSubject() throws Exception {
		assertThat(timeline("ticketId=" + IssueSyncHarness.ticket())).isEmpty();
		assertThat(timeline("callSid=CA0123456789abcdef0123456789abcdef")).isEmpty();
		assertThat(timeline("sessionId=" + UUID.randomUUID())).isEmpty();
		assertThat(timeline("incident=p7vqzm3bbc2y")).isEmpty();
		assertThat(timeline("issue=" + UriUtils.encodeQueryParam(IssueSyncHarness.issueUrl(IssueSyncHarness.number()),
				StandardCharsets.UTF_8)))
			.isEmpty();

		assertRefused("", null);
		assertRefused("ticketId=1&issue=https://github.com/Codertocat/Hello-World/issues/1", null);
		assertRefused("ticketId=1&ticketId=2", null);
		assertRefused("ticketId=", "ticketId");
		assertRefused("ticketId=12a", "ticketId");
		assertRefused("ticketId=1234567890123456789", "ticketId");
		assertRefused("sessionId=not-a-session", "sessionId");
		assertRefused("incident=" + "x".repeat(2049), "incident");
		assertRefused("issue=" + UriUtils.encodeQueryParam("https://github.com/Codertocat/Hello-World/issues/01",
				StandardCharsets.UTF_8), "issue");
		assertRefused("issue=" + UriUtils.encodeQueryParam("https://gitlab.com/o/r/-/issues/1", StandardCharsets.UTF_8),
				"issue");

		HttpResponse<String> withoutToken = call("GET", "/api/timeline?ticketId=1", null, false);
		assertThat(withoutToken.statusCode()).isEqualTo(401);
		assertThat(withoutToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private void assertRefused(String query, @Nullable String field) throws Exception {
		HttpResponse<String> answer = call("GET", "/api/timeline?" + query, null, true);
		assertThat(answer.statusCode()).as(query).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(answer.body());
		assertThat(problem.get("type").asString()).isEqualTo("urn:switchboard:problem:bad-request");
		if (field != null) {
			assertThat(problem.get("field").asString()).as(query).isEqualTo(field);
		}
	}

	private List<TimelineEntry> timeline(String query) throws Exception {
		HttpResponse<String> answer = call("GET", "/api/timeline?" + query, null, true);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return this.json.readValue(answer.body(), ENTRIES);
	}

	private void deliver(String issuesEvent) {
		InboundDelivery delivery = IssueSyncHarness.github("issues", issuesEvent);
		this.bus.publish(delivery);
		await().atMost(IssueSyncHarness.WAIT).untilAsserted(() -> assertThat(this.harness.recorded(delivery)).isTrue());
	}

	/** The id of the note the ticket got that starts so. */
	private UUID commandId(String ticket, String noteStart) {
		return this.bus.payloadsFor(ticket)
			.stream()
			.filter(AddInternalNote.class::isInstance)
			.filter((command) -> ((AddInternalNote) command).body().startsWith(noteStart))
			.findFirst()
			.orElseThrow()
			.commandId();
	}

	private void stubReportComment(int number) {
		String issuePath = IssueSyncHarness.issuePath(number);
		this.github.stubFor(post(urlPathEqualTo(issuePath + "/comments")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":" + (7_000_000L + number) + ",\"body\":\"Reported\"}")));
		this.github.stubFor(post(urlPathEqualTo(issuePath + "/labels")).willReturn(okJson("[]")));
	}

	private long parkedFor(String ticket) {
		return this.jdbc.sql("select count(*) from parked_link where ticket_id = ?")
			.params(ticket)
			.query(Long.class)
			.single();
	}

	private static List<String> sorted(String... tickets) {
		return java.util.Arrays.stream(tickets).sorted().toList();
	}

	private HttpResponse<String> call(String method, String pathAndQuery, @Nullable String body, boolean withToken)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + pathAndQuery))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (withToken) {
			request.header(InternalTokenProperties.HEADER, "test-internal-token-0123456789");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
