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
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.AddPublicReply;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/sessions} while TeamViewer is down: the start is parked and retried
 * like a {@code /remote} start, the caller gets 202 with the session's URL and follows
 * the start there; the ticket gets its notes once the session exists, or one note saying
 * what to do when the start is given up.
 */
@RemoteSessionIntegrationTest
class ApiStartDuringOutageIntegrationTests {

	@Autowired
	RemoteSessionHarness harness;

	@Autowired
	JdbcClient jdbc;

	@Test
	void answers202WithTheSessionsUrlDuringAnOutageAndStartsTheSessionWhenTeamviewerRecovers() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		// down for the three attempts of the request and the three of the job's first
		// retry
		String scenario = "outage-" + ticketId;
		for (int attempt = 0; attempt < 6; attempt++) {
			this.harness.teamviewer()
				.register(creation(ticketId).inScenario(scenario)
					.whenScenarioStateIs((attempt == 0) ? Scenario.STARTED : "failed-" + attempt)
					.willReturn(
							aResponse().withStatus(503).withBody("<html><body>503 Service Unavailable</body></html>"))
					.willSetStateTo("failed-" + (attempt + 1)));
		}
		this.harness.teamviewer()
			.register(creation(ticketId).inScenario(scenario)
				.whenScenarioStateIs("failed-6")
				.willReturn(okJson(fixture("teamviewer/session-created.json",
						Map.of("code", code, "description", "Ticket " + ticketId)))));

		HttpResponse<String> accepted = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(accepted.statusCode()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		JsonNode parked = this.harness.read(accepted);
		assertThat(location).isEqualTo("/api/sessions/" + parked.get("id").asString());
		assertThat(parked.get("state").asString()).isEqualTo("created");
		assertThat(parked.get("start").get("status").asString()).isEqualTo("waiting-for-vendor");
		assertThat(parked.get("start").get("lastFailure").asString()).isEqualTo("answered 503");
		assertThat(parked.has("agentUrl")).isFalse();
		this.harness.teamviewer().verifyThat(3, creationRequests(ticketId));
		assertThat(this.harness.commandsFor(ticketId)).isEmpty();

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(this.harness.read(this.harness.api("GET", location, null)).get("state").asString())
						.isEqualTo("invited"));
		JsonNode started = this.harness.read(this.harness.api("GET", location, null));
		assertThat(started.get("providerSessionId").asString()).isEqualTo(code);
		assertThat(started.get("agentUrl").asString()).isEqualTo("https://start.teamviewer.com/" + code + "/supporter");
		assertThat(started.has("start")).isFalse();
		assertThat(Instant.parse(started.get("expiresAt").asString()))
			.isAfter(Instant.parse(parked.get("expiresAt").asString()));
		assertThat(started.get("history").findValuesAsString("kind")).containsExactly("created", "parked", "parked",
				"invited");
		this.harness.teamviewer().verifyThat(7, creationRequests(ticketId));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(ticketId)).hasSize(2));
		List<TicketCommand> commands = this.harness.commandsFor(ticketId);
		assertThat(commands).hasExactlyElementsOfTypes(AddInternalNote.class, AddPublicReply.class);
		assertThat(((AddInternalNote) commands.get(0)).body())
			.contains("https://start.teamviewer.com/" + code + "/supporter");
	}

	@Test
	void aSecondStartWhileTheFirstWaitsIsAnswered202WithTheSameSession() {
		String ticketId = newTicketId();
		this.harness.teamviewer()
			.register(creation(ticketId).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));

		HttpResponse<String> first = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));
		HttpResponse<String> second = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(second.statusCode()).isEqualTo(202);
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		this.harness.teamviewer().verifyThat(1, creationRequests(ticketId));
	}

	@Test
	void givesUpAStartThatWaitedUntilItsInvitationWouldHaveExpiredWithOneNoteOnTheTicket() {
		String ticketId = newTicketId();
		this.harness.teamviewer().register(creation(ticketId).willReturn(aResponse().withStatus(503)));
		String location = this.harness
			.api("POST", "/api/sessions", startBody(ticketId, "teamviewer", "ada@example.com"))
			.headers()
			.firstValue("Location")
			.orElseThrow();

		this.jdbc.sql("update remote_session set expires_at = ? where ticket_id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), ticketId)
			.update();

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(
					() -> assertThat(this.harness.read(this.harness.api("GET", location, null)).get("state").asString())
						.isEqualTo("failed"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(ticketId)).hasSize(1));
		assertThat(((AddInternalNote) this.harness.commandsFor(ticketId).get(0)).body())
			.contains("TeamViewer could not be reached (answered 503)")
			.endsWith("To fix: nothing on your side; start the session again once TeamViewer is reachable again "
					+ "(if it stays unreachable, tell your Switchboard administrator).");
		assertThat(this.harness.read(this.harness.api("GET", location, null)).get("endReason").asString())
			.contains("no session was created");
	}

	private static MappingBuilder creation(String ticketId) {
		return post(urlPathEqualTo("/api/v1/sessions")).withRequestBody(containing("Ticket " + ticketId + " "));
	}

	private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder creationRequests(String ticketId) {
		return postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
			.withRequestBody(containing("Ticket " + ticketId + " "));
	}

}
