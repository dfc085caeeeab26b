package dev.switchboard.remotesession.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.remotesession.RemoteSessionIntegration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One test per TeamViewer failure mode, each driven through {@code POST /api/sessions}:
 * short waits are retried (Resilience4j {@code teamviewer}), long ones park the start
 * (202 with the session's URL), refusals and unreadable answers are problem details and
 * leave no live session behind.
 */
class TeamviewerFailureIntegrationTests extends RemoteSessionIntegration {

	@Test
	void retriesA503AndStartsTheSessionWhenTeamviewerRecovers() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		String scenario = "recovers-" + ticketId;
		teamviewer().register(creation(ticketId).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("upstream unavailable"))
			.willSetStateTo("recovered"));
		teamviewer().register(creation(ticketId).inScenario(scenario)
			.whenScenarioStateIs("recovered")
			.willReturn(okJson(fixture("teamviewer/session-created.json",
					Map.of("code", code, "description", "Ticket " + ticketId)))));

		HttpResponse<String> response = api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(read(response).get("providerSessionId").asString()).isEqualTo(code);
		teamviewer().verifyThat(2, creationRequests(ticketId));
	}

	@Test
	void parksTheStartAnswering202WhenTeamviewerTimesOutOnEveryAttempt() {
		String ticketId = newTicketId();
		teamviewer().register(creation(ticketId).willReturn(okJson("{}").withFixedDelay(1_500)));

		HttpResponse<String> response = api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode session = read(response);
		assertThat(response.headers().firstValue("Location")).hasValue("/api/sessions/" + session.get("id").asString());
		assertThat(session.get("state").asString()).isEqualTo("created");
		assertThat(session.get("start").get("status").asString()).isEqualTo("waiting-for-vendor");
		assertThat(session.get("start").get("lastFailure").asString()).contains("not reachable");
		teamviewer().verifyThat(3, creationRequests(ticketId));
		// the agent gives up waiting: the start is not tried again
		assertThat(api("POST", "/api/sessions/" + session.get("id").asString() + "/end", null).statusCode())
			.isEqualTo(200);
	}

	@Test
	void waitsOutAShortRetryAfterOf429AndThenStarts() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		String scenario = "rate-limited-" + ticketId;
		teamviewer().register(creation(ticketId).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
			.willSetStateTo("allowed"));
		teamviewer().register(creation(ticketId).inScenario(scenario)
			.whenScenarioStateIs("allowed")
			.willReturn(okJson(fixture("teamviewer/session-created.json",
					Map.of("code", code, "description", "Ticket " + ticketId)))));
		long before = System.nanoTime();

		HttpResponse<String> response = api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(1_000_000_000L);
		teamviewer().verifyThat(2, creationRequests(ticketId));
	}

	@Test
	void doesNotWaitOnALongRetryAfterAndParksTheStartUntilThen() {
		String ticketId = newTicketId();
		teamviewer()
			.register(creation(ticketId).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));

		HttpResponse<String> response = api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode start = read(response).get("start");
		assertThat(Instant.parse(start.get("nextAttemptAt").asString()))
			.isAfter(Instant.now().plus(Duration.ofSeconds(590)));
		assertThat(start.get("lastFailure").asString()).isEqualTo("rate limited (429)");
		assertThat(start.get("failedAttempts").asInt()).isEqualTo(1);
		teamviewer().verifyThat(1, creationRequests(ticketId));
	}

	@Test
	void answers502WhenTeamviewerAnswersWithSomethingThatIsNotASession() {
		String ticketId = newTicketId();
		teamviewer().register(creation(ticketId).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\": \"s1-2-3\", \"supporter_link\": ")));

		HttpResponse<String> response = api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(read(response).get("title").asString()).isEqualTo("TeamViewer answered unexpectedly");
		teamviewer().verifyThat(1, creationRequests(ticketId));
		assertThat(read(api("GET", "/api/sessions?ticketId=" + ticketId, null))).isEmpty();
	}

	@Test
	void saysWhatTeamviewerRefusedWithoutRetryingAndRecordsTheSessionAsFailed() {
		String ticketId = newTicketId();
		teamviewer().register(creation(ticketId).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody(fixture("teamviewer/error-forbidden.json", Map.of()))));

		HttpResponse<String> response = api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(read(response).get("title").asString()).isEqualTo("TeamViewer refused the request");
		assertThat(read(response).get("detail").asString())
			.contains("403: The token does not have the SessionManagement.Create permission.");
		assertThat(read(response).get("vendorStatus").asInt()).isEqualTo(403);
		teamviewer().verifyThat(1, creationRequests(ticketId));
		assertThat(read(api("GET", "/api/sessions?ticketId=" + ticketId, null)).get(0).get("state").asString())
			.isEqualTo("failed");
	}

	private static MappingBuilder creation(String ticketId) {
		return post(urlPathEqualTo("/api/v1/sessions")).withRequestBody(containing("Ticket " + ticketId + " "));
	}

	private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder creationRequests(String ticketId) {
		return postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
			.withRequestBody(containing("Ticket " + ticketId + " "));
	}

}
