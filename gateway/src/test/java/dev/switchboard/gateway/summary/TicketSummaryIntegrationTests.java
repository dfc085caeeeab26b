package dev.switchboard.gateway.summary;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/tickets/{id}/summary} through the gateway's door, with WireMock
 * standing in for the four services (their own read endpoints, called with the internal
 * token): the parts merged into one answer, a service that fails named missing while the
 * rest is shown, and problem details for an id that is no ticket id and for a path that
 * is none.
 */
@GatewayIntegrationTest
class TicketSummaryIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	WebhookClient client;

	String ticketId;

	@BeforeEach
	void setUp() throws InterruptedException {
		this.client = new WebhookClient(this.port);
		this.ticketId = Long.toString(900_000 + ThreadLocalRandom.current().nextInt(99_999));
		Thread.sleep(1100);
	}

	@Test
	void gathersTheLinkedIssuesTheRequestersCallsTheSessionsAndTheOpenIncidentInOneAnswer() {
		stub("/api/links", "ticketId", """
				[{"id":"6f1c0a5e-1111-4c3e-9d0f-0b1b2c3d4e5f","ticketId":"%1$s",
				  "issueUrl":"https://github.com/octo-org/widgets/issues/42","tracker":"github","issueId":"1001",
				  "issueKey":"octo-org/widgets#42","title":"Printer on fire","state":"closed as completed",
				  "category":"completed","statusCategory":null,"assignee":"octocat",
				  "updatedAt":"2026-11-23T10:00:00Z","reports":3,"createdAt":"2026-11-20T10:00:00Z"},
				 {"id":"6f1c0a5e-2222-4c3e-9d0f-0b1b2c3d4e5f","ticketId":"%1$s",
				  "issueUrl":"https://acme.atlassian.net/browse/OPS-7","tracker":"jira","issueId":"10007",
				  "issueKey":"OPS-7","title":"Export times out","state":"In Review","category":"open",
				  "statusCategory":"indeterminate","assignee":null,"updatedAt":"2026-11-22T09:00:00Z","reports":1,
				  "createdAt":"2026-11-21T10:00:00Z","somethingNew":true}]
				""".formatted(this.ticketId));
		stub("/api/calls", "requesterOf", """
				[{"id":"CA1","callSid":"CA1","direction":"inbound","status":"completed","ticketId":"%1$s",
				  "startedAt":"2026-11-20T08:00:00Z","endedAt":"2026-11-20T08:05:00Z","durationSeconds":300,
				  "missed":false,"recordingUrl":"https://api.twilio.com/rec/RE1"},
				 {"id":"CA2","callSid":"CA2","direction":"outbound-api","status":"in-progress","ticketId":"%1$s",
				  "startedAt":"2026-11-23T11:00:00Z","endedAt":null,"durationSeconds":null,"missed":false}]
				""".formatted(this.ticketId));
		stub("/api/sessions", "ticketId", """
				[{"id":"s-ended","ticketId":"%1$s","provider":"teamviewer","state":"ended",
				  "agentUrl":"https://tv.example/agent/old","customerUrl":"https://tv.example/join/old",
				  "expiresAt":"2026-11-20T09:30:00Z","agentEmail":"ada@example.com","createdAt":"2026-11-20T09:00:00Z",
				  "startedAt":"2026-11-20T09:02:00Z","endedAt":"2026-11-20T09:20:00Z","durationSeconds":1080},
				 {"id":"s-live","ticketId":"%1$s","provider":"guacamole","state":"invited",
				  "agentUrl":"https://guac.example/agent","customerUrl":"https://guac.example/join",
				  "expiresAt":"2026-11-23T12:30:00Z","agentEmail":"ada@example.com","createdAt":"2026-11-23T12:00:00Z"}]
				""".formatted(this.ticketId));
		stub("/api/incidents", "ticketId",
				"""
						[{"code":"p1x2","title":"API degraded","status":"identified","link":"https://status.example.com/incidents/p1x2",
						  "since":"2026-11-23T09:00:00Z","components":["API"]}]
						""");

		HttpResponse<String> response = this.client.admin("GET", "/api/tickets/" + this.ticketId + "/summary",
				GatewayIntegrationTest.AGENT_KEY, null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode summary = json.readTree(response.body());
		assertThat(summary.path("ticketId").asString()).isEqualTo(this.ticketId);
		assertThat(summary.path("missing")).isEmpty();
		JsonNode github = summary.path("issues").get(0);
		assertThat(github.path("key").asString()).isEqualTo("octo-org/widgets#42");
		assertThat(github.path("stage").asString()).isEqualTo("closed");
		assertThat(github.path("state").asString()).isEqualTo("closed as completed");
		assertThat(github.path("assignee").asString()).isEqualTo("octocat");
		assertThat(github.path("reports").asInt()).isEqualTo(3);
		assertThat(github.path("linkId").asString()).isEqualTo("6f1c0a5e-1111-4c3e-9d0f-0b1b2c3d4e5f");
		JsonNode jira = summary.path("issues").get(1);
		assertThat(jira.path("stage").asString()).isEqualTo("in-progress");
		assertThat(jira.path("state").asString()).isEqualTo("In Review");
		assertThat(summary.path("calls").get(0).path("callSid").asString()).as("newest first").isEqualTo("CA2");
		assertThat(summary.path("calls").get(0).path("active").asBoolean()).isTrue();
		assertThat(summary.path("calls").get(1).path("recordingUrl").asString()).endsWith("/RE1");
		JsonNode live = summary.path("sessions").get(0);
		assertThat(live.path("id").asString()).isEqualTo("s-live");
		assertThat(live.path("agentUrl").asString()).isEqualTo("https://guac.example/agent");
		JsonNode ended = summary.path("sessions").get(1);
		assertThat(ended.path("durationSeconds").asLong()).isEqualTo(1080);
		assertThat(ended.path("agentUrl").isNull()).as("an ended session's links are not shown").isTrue();
		assertThat(summary.path("incident").path("title").asString()).isEqualTo("API degraded");
		verify(getRequestedFor(urlPathEqualTo("/api/links")).withQueryParam("ticketId", equalTo(this.ticketId))
			.withHeader("X-Switchboard-Internal-Token", equalTo("test-internal-token-0123456789"))
			.withoutHeader("Authorization"));
	}

	@Test
	void namesTheServicesThatDidNotAnswerAndShowsTheRest() {
		stub("/api/links", "ticketId", "[]");
		stubFor(get(urlPathEqualTo("/api/calls")).withQueryParam("requesterOf", equalTo(this.ticketId))
			.willReturn(aResponse().withStatus(503)));
		stubFor(get(urlPathEqualTo("/api/sessions")).withQueryParam("ticketId", equalTo(this.ticketId))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		stubFor(get(urlPathEqualTo("/api/incidents")).withQueryParam("ticketId", equalTo(this.ticketId))
			.willReturn(okJson("{\"not\":\"a list\"}")));

		HttpResponse<String> response = this.client.admin("GET", "/api/tickets/" + this.ticketId + "/summary",
				GatewayIntegrationTest.AGENT_KEY, null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode summary = json.readTree(response.body());
		assertThat(summary.path("missing").toString()).contains("crm-bridge-service")
			.contains("remote-session-service")
			.contains("statuspage-feed-service")
			.doesNotContain("issue-sync-service");
		assertThat(summary.path("issues")).isEmpty();
		assertThat(summary.path("incident").isNull()).isTrue();
	}

	@Test
	void answersAProblemForAnIdThatIsNoTicketIdAndForAPathThatIsNone() {
		for (String id : new String[] { "abc", "0123", "12345678901234567890", "9223372036854775808", "1.5" }) {
			HttpResponse<String> response = this.client.admin("GET", "/api/tickets/" + id + "/summary",
					GatewayIntegrationTest.AGENT_KEY, null);
			assertThat(response.statusCode()).as(id).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).as(id).contains("urn:switchboard:problem:tickets:bad-ticket-id");
		}
		HttpResponse<String> none = this.client.admin("GET", "/api/tickets/4711/calls",
				GatewayIntegrationTest.ADMIN_KEY, null);
		assertThat(none.statusCode()).isEqualTo(404);
		assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private void stub(String path, String parameter, String body) {
		stubFor(get(urlPathEqualTo(path)).withQueryParam(parameter, equalTo(this.ticketId)).willReturn(okJson(body)));
	}

}
