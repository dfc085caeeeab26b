package dev.switchboard.remotesession.timeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.remotesession.RemoteSessionFixtures.fixture;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newSessionCode;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newTicketId;
import static dev.switchboard.remotesession.RemoteSessionFixtures.note;
import static dev.switchboard.remotesession.RemoteSessionFixtures.startBody;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/timeline}: the history made through the real entry points (a
 * {@code /remote} note on {@code tickets.events}, {@code POST /api/sessions}, vendor
 * events on {@code webhooks.inbound}, TeamViewer in WireMock) read back over HTTP with
 * the internal token.
 */
@RemoteSessionIntegrationTest
class TimelineApiIntegrationTests {

	private static final Author BOB = new Author("9002", "Bob Agent", "bob@example.com", "+14155550101");

	@Autowired
	RemoteSessionHarness harness;

	@Test
	void showsEverySessionOfATicketInTimeOrderFromTheRequestToTheNoteWrittenBack() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		// the first session, from a /remote note: TeamViewer refuses it
		this.harness.teamviewer()
			.register(creation(ticketId).willReturn(aResponse().withStatus(403)
				.withHeader("Content-Type", "application/json")
				.withBody(fixture("teamviewer/error-forbidden.json", Map.of()))));
		this.harness.publish(note(ticketId, "/remote", BOB));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(sessionStates(ticketId)).containsExactly("failed"));
		// the second, from the API: TeamViewer is down for the request's three attempts,
		// the parked start succeeds
		String outage = "outage-" + ticketId;
		for (int attempt = 0; attempt < 3; attempt++) {
			this.harness.teamviewer()
				.register(creation(ticketId).inScenario(outage)
					.whenScenarioStateIs((attempt == 0) ? Scenario.STARTED : "failed-" + attempt)
					.willReturn(aResponse().withStatus(503))
					.willSetStateTo("failed-" + (attempt + 1)));
		}
		this.harness.teamviewer()
			.register(creation(ticketId).inScenario(outage)
				.whenScenarioStateIs("failed-3")
				.willReturn(okJson(fixture("teamviewer/session-created.json",
						Map.of("code", code, "description", "Ticket " + ticketId)))));
		HttpResponse<String> accepted = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));
		assertThat(accepted.statusCode()).isEqualTo(202);
		String second = this.harness.read(accepted).get("id").asString();
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(sessionStates(ticketId)).containsExactly("failed", "invited"));
		// the vendor reports the start and the end, then the end again
		Instant start = Instant.now();
		this.harness.publish(this.harness.pushed("session.started", code, start, "null", "null", "null"));
		this.harness.publish(this.harness.pushed("session.ended", code, start.plusSeconds(95), "95",
				"\"closed by the agent\"", "\"https://recordings.example.test/" + code + ".mp4\""));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(sessionStates(ticketId)).containsExactly("failed", "ended"));
		this.harness.publish(this.harness.pushed("session.ended", code, start.plusSeconds(100), "100", "null", "null"));

		// until the outbox relay has sent the closing note and the repeated end is
		// recorded
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(timeline("ticketId=" + ticketId)).extracting(this::kindAndOutcome)
				.containsExactly("session.requested ok", "session.failed failed", "note.sent ok",
						"session.requested ok", "start.parked ok", "session.created ok", "note.sent ok",
						"reply.sent ok", "session.started ok", "session.ended ok", "note.sent ok",
						"report.ignored ok"));
		List<JsonNode> entries = timeline("ticketId=" + ticketId);
		String first = entries.get(0).get("ref").asString();
		assertThat(entries).extracting((entry) -> entry.get("ref").asString())
			.containsExactly(first, first, first, second, second, second, second, second, second, second, second,
					second);
		assertThat(entries).extracting((entry) -> entry.get("service").asString())
			.containsOnly(ServiceNames.REMOTE_SESSION);
		assertThat(entries).extracting((entry) -> entry.get("summary").asString())
			.containsExactly("Requested by bob@example.com with TeamViewer from a /remote note",
					"Failed: TeamViewer refused to create the session: refused with 403: "
							+ "The token does not have the SessionManagement.Create permission.",
					"Failure and what to fix written back to the ticket in an internal note",
					"Requested by ada@example.com with TeamViewer through the API",
					entries.get(4).get("summary").asString(), "Created at TeamViewer after 1 failed attempt",
					"Technician link sent to the ticket in an internal note",
					"Join link sent to the customer in a public reply",
					"Started from 10.0.0.5 (reported by TeamViewer)",
					"Ended: closed by the agent, after 1 min 35 s, recorded (reported by TeamViewer)",
					"Session summary written back to the ticket in an internal note",
					"TeamViewer reported ended (push): nothing changed, the session is ended")
			.allSatisfy((summary) -> assertThat(summary).doesNotContain(code, "http"));
		assertThat(entries.get(4).get("summary").asString())
			.startsWith("Start parked: TeamViewer answered 503, next attempt ");
		assertThat(entries).extracting((entry) -> Instant.parse(entry.get("at").asString())).isSorted();

		assertThat(timeline("sessionId=" + second)).isEqualTo(entries.subList(3, entries.size()));
		assertThat(timeline("sessionId=" + first)).isEqualTo(entries.subList(0, 3));
	}

	@Test
	void answersAnEmptyTimelineForWhatItNeverDealtWithAndRefusesAQueryItCannotRead() {
		assertThat(timeline("ticketId=" + newTicketId())).isEmpty();
		assertThat(timeline("sessionId=" + UUID.randomUUID())).isEmpty();
		assertThat(timeline(
				"issue=" + URLEncoder.encode("https://github.com/acme/widgets/issues/42", StandardCharsets.UTF_8)))
			.isEmpty();
		assertThat(timeline("callSid=CA0123456789abcdef0123456789abcdef")).isEmpty();
		assertThat(timeline("incident=INC-42")).isEmpty();

		assertRefused("", null);
		assertRefused("ticketId=42&sessionId=" + UUID.randomUUID(), null);
		assertRefused("ticketId=", "ticketId");
		assertRefused("ticketId=12ab", "ticketId");
		assertRefused("ticketId=1234567890123456789", "ticketId");
		assertRefused("ticketId=42&ticketId=43", "ticketId");
		assertRefused("sessionId=not-a-session", "sessionId");
		assertRefused("incident=" + "x".repeat(2049), "incident");
	}

	@Test
	void refusesTheTimelineWithoutTheInternalToken() throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.harness.baseUrl() + "/api/timeline?ticketId=42")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private List<JsonNode> timeline(String query) {
		HttpResponse<String> response = this.harness.api("GET", "/api/timeline?" + query, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.harness.read(response).valueStream().toList();
	}

	private void assertRefused(String query, @Nullable String expectedField) {
		HttpResponse<String> response = this.harness.api("GET", "/api/timeline?" + query, null);
		assertThat(response.statusCode()).as(query).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode field = this.harness.read(response).get("field");
		if (expectedField == null) {
			assertThat(field).as(query).isNull();
		}
		else {
			assertThat(field.asString()).as(query).isEqualTo(expectedField);
		}
	}

	private String kindAndOutcome(JsonNode entry) {
		return entry.get("kind").asString() + " " + entry.get("outcome").asString();
	}

	private List<String> sessionStates(String ticketId) {
		return this.harness.read(this.harness.api("GET", "/api/sessions?ticketId=" + ticketId, null))
			.valueStream()
			.map((session) -> session.get("state").asString())
			.toList();
	}

	private static MappingBuilder creation(String ticketId) {
		return post(urlPathEqualTo("/api/v1/sessions")).withRequestBody(containing("Ticket " + ticketId + " "));
	}

}
