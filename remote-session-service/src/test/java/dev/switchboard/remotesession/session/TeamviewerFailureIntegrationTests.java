package dev.switchboard.remotesession.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.remotesession.RemoteSessionFixtures.fixture;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newSessionCode;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newTicketId;
import static dev.switchboard.remotesession.RemoteSessionFixtures.startBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per TeamViewer failure mode, each driven through {@code POST /api/sessions}:
 * short waits are retried (Resilience4j {@code teamviewer}), long ones park the start
 * (202 with the session's URL), refusals and unreadable answers are problem details and
 * leave no live session behind.
 */
@RemoteSessionIntegrationTest
class TeamviewerFailureIntegrationTests {

	@Autowired
	RemoteSessionHarness harness;

	@Test
	void retriesA503AndStartsTheSessionWhenTeamviewerRecovers() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		String scenario = "recovers-" + ticketId;
		this.harness.teamviewer()
			.register(creation(ticketId).inScenario(scenario)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503).withBody("upstream unavailable"))
				.willSetStateTo("recovered"));
		this.harness.teamviewer()
			.register(creation(ticketId).inScenario(scenario)
				.whenScenarioStateIs("recovered")
				.willReturn(okJson(fixture("teamviewer/session-created.json",
						Map.of("code", code, "description", "Ticket " + ticketId)))));

		HttpResponse<String> response = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(this.harness.read(response).get("providerSessionId").asString()).isEqualTo(code);
		this.harness.teamviewer().verifyThat(2, creationRequests(ticketId));
	}

	@Test
	void parksTheStartAnswering202WhenTeamviewerTimesOutOnEveryAttempt() {
		String ticketId = newTicketId();
		this.harness.teamviewer().register(creation(ticketId).willReturn(okJson("{}").withFixedDelay(1_500)));

		HttpResponse<String> response = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode session = this.harness.read(response);
		assertThat(response.headers().firstValue("Location")).hasValue("/api/sessions/" + session.get("id").asString());
		assertThat(session.get("state").asString()).isEqualTo("created");
		assertThat(session.get("start").get("status").asString()).isEqualTo("waiting-for-vendor");
		assertThat(session.get("start").get("lastFailure").asString()).contains("not reachable");
		this.harness.teamviewer().verifyThat(3, creationRequests(ticketId));
		// the agent gives up waiting: the start is not tried again
		assertThat(
				this.harness.api("POST", "/api/sessions/" + session.get("id").asString() + "/end", null).statusCode())
			.isEqualTo(200);
	}

	@Test
	void waitsOutAShortRetryAfterOf429AndThenStarts() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		String scenario = "rate-limited-" + ticketId;
		this.harness.teamviewer()
			.register(creation(ticketId).inScenario(scenario)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
				.willSetStateTo("allowed"));
		this.harness.teamviewer()
			.register(creation(ticketId).inScenario(scenario)
				.whenScenarioStateIs("allowed")
				.willReturn(okJson(fixture("teamviewer/session-created.json",
						Map.of("code", code, "description", "Ticket " + ticketId)))));
		long before = System.nanoTime();

		HttpResponse<String> response = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(1_000_000_000L);
		this.harness.teamviewer().verifyThat(2, creationRequests(ticketId));
	}

	@Test
	void doesNotWaitOnALongRetryAfterAndParksTheStartUntilThen() {
		String ticketId = newTicketId();
		this.harness.teamviewer()
			.register(creation(ticketId).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));

		HttpResponse<String> response = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode start = this.harness.read(response).get("start");
		assertThat(Instant.parse(start.get("nextAttemptAt").asString()))
			.isAfter(Instant.now().plus(Duration.ofSeconds(590)));
		assertThat(start.get("lastFailure").asString()).isEqualTo("rate limited (429)");
		assertThat(start.get("failedAttempts").asInt()).isEqualTo(1);
		this.harness.teamviewer().verifyThat(1, creationRequests(ticketId));
	}

	@Test
	void answers502WhenTeamviewerAnswersWithSomethingThatIsNotASession() {
		String ticketId = newTicketId();
		this.harness.teamviewer()
			.register(creation(ticketId).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\": \"s1-2-3\", \"supporter_link\": ")));

		HttpResponse<String> response = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(this.harness.read(response).get("title").asString()).isEqualTo("TeamViewer answered unexpectedly");
		this.harness.teamviewer().verifyThat(1, creationRequests(ticketId));
		assertThat(this.harness.read(this.harness.api("GET", "/api/sessions?ticketId=" + ticketId, null))).isEmpty();
	}

	@Test
	void saysWhatTeamviewerRefusedWithoutRetryingAndRecordsTheSessionAsFailed() {
		String ticketId = newTicketId();
		this.harness.teamviewer()
			.register(creation(ticketId).willReturn(aResponse().withStatus(403)
				.withHeader("Content-Type", "application/json")
				.withBody(fixture("teamviewer/error-forbidden.json", Map.of()))));

		HttpResponse<String> response = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(this.harness.read(response).get("title").asString()).isEqualTo("TeamViewer refused the request");
		assertThat(this.harness.read(response).get("detail").asString())
			.contains("403: The token does not have the SessionManagement.Create permission.");
		assertThat(this.harness.read(response).get("vendorStatus").asInt()).isEqualTo(403);
		this.harness.teamviewer().verifyThat(1, creationRequests(ticketId));
		assertThat(this.harness.read(this.harness.api("GET", "/api/sessions?ticketId=" + ticketId, null))
			.get(0)
			.get("state")
			.asString()).isEqualTo("failed");
	}

	private static MappingBuilder creation(String ticketId) {
		return post(urlPathEqualTo("/api/v1/sessions")).withRequestBody(containing("Ticket " + ticketId + " "));
	}

	private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder creationRequests(String ticketId) {
		return postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
			.withRequestBody(containing("Ticket " + ticketId + " "));
	}

}
