package dev.switchboard.issuesync.link;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.issuesync.Bus;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import dev.switchboard.issuesync.access.InternalTokenProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Input that would reach GitHub, Jira or (through the commands) Zendesk: ticket ids and
 * pasted issue URLs, through {@code /api/links} and internal notes on the real broker. A
 * refused spelling is a 400 naming the field, a dead-lettered note, or a URL left out of
 * a note; GitHub and Jira (WireMock) never see a request for it.
 */
@IssueSyncIntegrationTest
class HostileInputIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	/** Ticket ids that would leave or re-aim {@code /api/v2/tickets/{id}.json}. */
	private static final List<String> HOSTILE_TICKET_IDS = List.of("../../users/1", "123/../456", "12%2F34", "12/34",
			"..", "123.json", "12 34", "-1", "0x1f", "１２３", "12345678901234567890", "123\n456", "abc", "");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@InjectWireMock("github")
	WireMockServer github;

	@InjectWireMock("jira")
	WireMockServer jira;

	Bus bus;

	@BeforeEach
	void bus() {
		this.bus = new Bus(this.rabbit, this.json);
	}

	@Test
	void refusesIssueUrlsThatCouldChangeTheTrackersRequestPathWith400AndCallsNeitherTracker() throws Exception {
		Date start = new Date();
		String site = this.jira.baseUrl();
		List<String> hostile = List.of("https://github.com/hostile-owner/hostile-repo/issues/1/../../../users",
				"https://github.com/hostile-owner/..%2F..%2Fusers/issues/1",
				"https://github.com/hostile-owner/hostile-repo/issues/1%2F..",
				"https://github.com@evil.example/hostile-owner/hostile-repo/issues/1",
				"https://github.com/../hostile-repo/issues/1", "https://github.com/hostile-owner/../issues/1",
				"https://github.com/hostile-owner/./issues/1", "https://github.com//hostile-repo/issues/1",
				"https://github.com/hostile-owner/hostile-repo/issues/-1",
				"https://github.com/hostile-owner/hostile-repo/issues/01",
				"https://github.com/-hostile-owner/hostile-repo/issues/1",
				"https://github.com/hostile_owner/hostile-repo/issues/1",
				"https://github.com/hostile-owner/hostile-repo/issues/%31",
				"https://github.com:8443/hostile-owner/hostile-repo/issues/1",
				"https://github.com/hostile-owner/hostile-repo/issues/1\\..\\..\\users",
				site + "/browse/HOSTILE-1/../../x", site + "/browse/HOSTILE-1%2F..",
				site + "/browse/HOSTILE-1%2F..%2F..%2Fmyself", site + "/browse/../rest/api/3/issue/HOSTILE-1",
				site + "/browse/hostile-1", site + "/browse/HOSTILE-01",
				site.replace("://", "://hostile@") + "/browse/HOSTILE-1");

		for (String url : hostile) {
			HttpResponse<String> created = post(IssueSyncHarness.ticket(), url);
			HttpResponse<String> listed = call("GET",
					"/api/links?issueUrl=" + URLEncoder.encode(url, StandardCharsets.UTF_8), null);

			assertThat(created.statusCode()).as(url).isEqualTo(400);
			assertThat(created.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(this.json.readTree(created.body()).get("field").asString()).as(url).isEqualTo("issueUrl");
			assertThat(listed.statusCode()).as(url).isEqualTo(400);
		}
		// a URL on another host is no issue URL at all (422), and is not followed either
		assertThat(post(IssueSyncHarness.ticket(), "https://evil.example/hostile-owner/hostile-repo/issues/1")
			.statusCode()).isEqualTo(422);
		assertThat(requestsSince(this.github, start)).noneMatch(HostileInputIntegrationTests::hostile);
		assertThat(requestsSince(this.jira, start)).noneMatch(HostileInputIntegrationTests::hostile);
	}

	@Test
	void refusesTicketIdsThatAreNotZendeskTicketIdsWith400NamingTheField() throws Exception {
		int number = IssueSyncHarness.number();
		String url = "https://github.com/Codertocat/Hello-World/issues/" + number;

		for (String ticketId : HOSTILE_TICKET_IDS) {
			HttpResponse<String> created = post(ticketId, url);
			HttpResponse<String> listed = call("GET",
					"/api/links?ticketId=" + URLEncoder.encode(ticketId, StandardCharsets.UTF_8), null);

			assertThat(created.statusCode()).as(ticketId).isEqualTo(400);
			JsonNode problem = this.json.readTree(created.body());
			assertThat(problem.get("field").asString()).isEqualTo("ticketId");
			assertThat(problem.get("detail").asString()).contains("1 to 19 digits");
			assertThat(listed.statusCode()).as(ticketId).isEqualTo(400);
			assertThat(this.json.readTree(listed.body()).get("field").asString()).isEqualTo("ticketId");
			assertThat(this.jdbc.sql("select count(*) from issue_link where ticket_id = ?")
				.params(ticketId)
				.query(Long.class)
				.single()).isZero();
		}
		this.github.verify(0, getRequestedFor(urlPathEqualTo(IssueSyncHarness.issuePath(number))));
	}

	@Test
	void deadLettersANoteWhoseTicketIdIsNotAZendeskTicketIdWithoutLinkingOrWritingToTheTicket() {
		int number = IssueSyncHarness.number();
		String ticketId = "35436/../../../users/9001";
		String deadLetters = Destinations.deadLetterQueue(Destinations.TICKETS_EVENTS, ServiceNames.ISSUE_SYNC);

		NoteAdded note = publishNote(ticketId, "https://github.com/Codertocat/Hello-World/issues/" + number);

		await().atMost(WAIT).untilAsserted(() -> {
			Message dead = this.rabbit.receive(deadLetters);
			if (dead == null) {
				throw new AssertionError("nothing dead-lettered in " + deadLetters + " yet");
			}
			assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(note.eventId().toString());
			assertThat((String) dead.getMessageProperties().getHeader("x-exception-message"))
				.contains("ticketId must be a Zendesk ticket id");
		});
		this.github.verify(0, getRequestedFor(urlPathEqualTo(IssueSyncHarness.issuePath(number))));
		assertThat(this.jdbc.sql("select count(*) from issue_link where ticket_id = ?")
			.params(ticketId)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from handled_ticket_event where event_id = ?")
			.params(note.eventId())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.bus.allCommands()).noneMatch((command) -> command.ticketId().equals(ticketId));
	}

	@Test
	void linksTheOrdinaryUrlOfANoteAndLeavesItsHostileSpellingsAlone() {
		Date start = new Date();
		int number = IssueSyncHarness.number();
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).willReturn(okJson(Fixtures
			.json(Fixtures.githubIssue(900_000_000L + number, number, "open", null, "2026-11-23T09:00:00Z")))));
		String ticket = IssueSyncHarness.ticket();

		this.bus.publish(Bus.internalNote(ticket,
				"Seen in https://github.com/hostile-owner/hostile-repo/issues/1/../../../users, "
						+ "https://github.com@evil.example/hostile-owner/hostile-repo/issues/2, " + this.jira.baseUrl()
						+ "/browse/HOSTILE-1%2F.. and " + "https://github.com/Codertocat/Hello-World/issues/" + number
						+ "."));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.jdbc.sql("select count(*) from issue_link where ticket_id = ?")
				.params(ticket)
				.query(Long.class)
				.single()).isEqualTo(1));
		this.github.verify(1, getRequestedFor(urlPathEqualTo(IssueSyncHarness.issuePath(number))));
		assertThat(requestsSince(this.github, start)).noneMatch(HostileInputIntegrationTests::hostile);
		assertThat(requestsSince(this.jira, start)).noneMatch(HostileInputIntegrationTests::hostile);
	}

	private static List<String> requestsSince(WireMockServer server, Date start) {
		return server.getAllServeEvents()
			.stream()
			.filter((event) -> !event.getRequest().getLoggedDate().before(start))
			.map(ServeEvent::getRequest)
			.map((request) -> request.getUrl())
			.toList();
	}

	private static boolean hostile(String url) {
		String lower = url.toLowerCase(java.util.Locale.ROOT);
		return lower.contains("hostile") || lower.contains("users") || lower.contains("myself") || lower.contains("..")
				|| lower.contains("%2f") || lower.contains("%2e");
	}

	/**
	 * An internal note as crm-bridge-service publishes it, the ticket id set in the JSON
	 * (so that the contract's own checks do not decide what reaches the service).
	 */
	private NoteAdded publishNote(String ticketId, String body) {
		NoteAdded note = Bus.internalNote("1", body);
		ObjectNode json = (ObjectNode) this.json
			.readTree(this.json.writerFor(TicketEvent.class).writeValueAsBytes(note));
		json.put("ticketId", ticketId);
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(note.eventId().toString());
		properties.setCorrelationId(note.correlationId());
		this.rabbit.send(Destinations.TICKETS_EVENTS, "note",
				new Message(this.json.writeValueAsBytes(json), properties));
		return note;
	}

	private HttpResponse<String> post(String ticketId, String issueUrl) throws IOException, InterruptedException {
		return call("POST", "/api/links",
				this.json.writeValueAsString(Map.of("ticketId", ticketId, "issueUrl", issueUrl)));
	}

	private HttpResponse<String> call(String method, String path, @Nullable String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header(InternalTokenProperties.HEADER, "test-internal-token-0123456789")
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
