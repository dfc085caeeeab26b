package dev.switchboard.remotesession.session;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.remotesession.RemoteSessionFixtures.fixture;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newSessionCode;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newTicketId;
import static dev.switchboard.remotesession.RemoteSessionFixtures.startBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.SessionEnded;
import dev.switchboard.contracts.SessionStarted;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A session's life after the start: TeamViewer connection reports (polled), pushed events
 * from the gateway (Guacamole), duplicates and reordering, expiry.
 */
@RemoteSessionIntegrationTest
class SessionLifecycleIntegrationTests {

	@Autowired
	RemoteSessionHarness harness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private static final String GUACAMOLE_CONNECTION = """
			{"ticketId":"%s","provider":"guacamole","agentEmail":"ada@example.com",
			 "connection":{"protocol":"rdp","hostname":"10.0.0.5","port":3389,
			               "parameters":{"ignore-cert":"true","security":"nla"}}}
			""";

	@Test
	void endsATeamviewerSessionFromItsConnectionReportsWithOneEndNote() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		this.harness.stubTeamviewerCreates(ticketId, code);
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(754);
		Instant end = start.plusSeconds(754);
		UUID id = UUID.fromString(this.harness
			.read(this.harness.api("POST", "/api/sessions", startBody(ticketId, "teamviewer", "ada@example.com")))
			.get("id")
			.asString());

		this.harness.teamviewer()
			.register(get(urlPathEqualTo("/api/v1/reports/connections")).withQueryParam("session_code", equalTo(code))
				.willReturn(okJson(fixture("teamviewer/connection-reports.json",
						Map.of("code", code, "start", start.toString(), "end", end.toString())))));

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.stateOf(id)).isEqualTo("ENDED"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(endNotes(ticketId)).hasSize(1));
		assertThat(endNotes(ticketId).get(0)).contains("Agent: ada@example.com")
			.contains("Duration: 12 min 34 s")
			.contains("End reason: connection closed")
			.contains("Recording: none");
		JsonNode session = this.harness.read(this.harness.api("GET", "/api/sessions/" + id, null));
		assertThat(session.get("host").asString()).isEqualTo("CUSTOMER-LAPTOP");
		assertThat(session.get("durationSeconds").asLong()).isEqualTo(754);
		assertThat(session.get("history").findValuesAsString("kind")).containsExactly("created", "invited", "started",
				"ended");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.harness.eventsFor(ticketId)).hasAtLeastOneElementOfType(SessionStarted.class)
						.hasAtLeastOneElementOfType(SessionEnded.class));
	}

	@Test
	void givesTheAgentAGuacamoleLinkThatDecryptsToExactlyTheRequestedConnectionAndExpiry() {
		String ticketId = newTicketId();

		JsonNode session = this.harness
			.read(this.harness.api("POST", "/api/sessions", GUACAMOLE_CONNECTION.formatted(ticketId)));

		String id = session.get("id").asString();
		assertThat(session.get("providerSessionId").asString()).isEqualTo(id);
		assertThat(session.has("customerUrl")).isFalse();
		String agentUrl = session.get("agentUrl").asString();
		assertThat(agentUrl).startsWith("https://guac.example.test/guacamole/#/?data=");
		JsonNode payload = this.harness.guacamolePayload(agentUrl);
		assertThat(payload.get("username").asString()).isEqualTo("ada@example.com");
		assertThat(payload.get("expires").asLong())
			.isEqualTo(Instant.parse(session.get("expiresAt").asString()).toEpochMilli());
		assertThat(payload.get("connections").propertyNames()).containsExactly(id);
		JsonNode connection = payload.get("connections").get(id);
		assertThat(connection.get("protocol").asString()).isEqualTo("rdp");
		assertThat(this.json.convertValue(connection.get("parameters"), Map.class))
			.isEqualTo(Map.of("hostname", "10.0.0.5", "port", "3389", "ignore-cert", "true", "security", "nla",
					"recording-path", RemoteSessionIntegrationTest.RECORDING_PATH, "recording-name", id,
					"create-recording-path", "true", "enable-drive", "true", "drive-path",
					RemoteSessionIntegrationTest.DRIVE_PATH, "create-drive-path", "true"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(ticketId)).hasSize(1));
		assertThat(this.harness.commandsFor(ticketId).get(0)).isInstanceOf(AddInternalNote.class);
	}

	@Test
	void endsAGuacamoleSessionFromPushedEventsWithOneEndNoteCarryingTheRecording() {
		String ticketId = newTicketId();
		UUID id = UUID.fromString(
				this.harness.read(this.harness.api("POST", "/api/sessions", GUACAMOLE_CONNECTION.formatted(ticketId)))
					.get("id")
					.asString());
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		this.harness.publish(this.harness.pushed("session.started", id.toString(), start, "null", "null", "null"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.stateOf(id)).isEqualTo("STARTED"));
		InboundDelivery ended = this.harness.pushed("session.ended", id.toString(), start.plusSeconds(95), "95",
				"\"closed by the agent\"", "\"https://recordings.example.test/" + id + ".guac\"");
		this.harness.publish(ended);
		this.harness.publish(ended);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.stateOf(id)).isEqualTo("ENDED"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(endNotes(ticketId)).hasSize(1));
		assertThat(endNotes(ticketId).get(0)).contains("Duration: 1 min 35 s")
			.contains("End reason: closed by the agent")
			.contains("Recording: https://recordings.example.test/" + id + ".guac");
	}

	@Test
	void endsInTheRightStateWhenPushedEventsArriveTwiceAndOutOfOrder() {
		String ticketId = newTicketId();
		UUID id = UUID.fromString(
				this.harness.read(this.harness.api("POST", "/api/sessions", GUACAMOLE_CONNECTION.formatted(ticketId)))
					.get("id")
					.asString());
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		InboundDelivery started = this.harness.pushed("session.started", id.toString(), start, "null", "null", "null");
		InboundDelivery ended = this.harness.pushed("session.ended", id.toString(), start.plusSeconds(600), "600",
				"\"customer left\"", "null");
		InboundDelivery endedAgain = this.harness.pushed("session.ended", id.toString(), start.plusSeconds(610), "610",
				"\"resent by the vendor\"", "null");
		InboundDelivery failedLate = this.harness.pushed("session.failed", id.toString(), start.plusSeconds(620),
				"null", "\"connection lost\"", "null");

		this.harness.publish(ended);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.stateOf(id)).isEqualTo("ENDED"));
		// one at a time: the test's publishes may take different channels, which the
		// broker does not order among each other
		this.harness.publish(started);
		await().atMost(Duration.ofSeconds(10)).until(() -> historyOf(id).size() == 4);
		this.harness.publish(ended);
		this.harness.publish(endedAgain);
		await().atMost(Duration.ofSeconds(10)).until(() -> historyOf(id).size() == 5);
		this.harness.publish(failedLate);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.read(this.harness.api("GET", "/api/sessions/" + id, null))
				.get("history")
				.findValuesAsString("kind"))
				.containsExactly("created", "invited", "ended", "started", "ended", "failed"));

		JsonNode session = this.harness.read(this.harness.api("GET", "/api/sessions/" + id, null));
		assertThat(session.get("state").asString()).isEqualTo("ended");
		assertThat(session.get("startedAt").asString()).isEqualTo(start.toString());
		assertThat(session.get("durationSeconds").asLong()).isEqualTo(600);
		assertThat(session.get("endReason").asString()).isEqualTo("customer left");
		assertThat(endNotes(ticketId)).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from remote_session_event where session_id = ? and applied")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void expiresAnInvitationNobodyJoinedClosesTheCodeAndTellsTheTicket() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		this.harness.stubTeamviewerCreates(ticketId, code);
		this.harness.teamviewer().register(put(urlPathEqualTo("/api/v1/sessions/" + code)).willReturn(ok()));
		this.harness.teamviewer()
			.register(get(urlPathEqualTo("/api/v1/reports/connections")).withQueryParam("session_code", equalTo(code))
				.willReturn(okJson("{\"records\":[],\"records_remaining\":0}")));
		this.harness.teamviewer()
			.register(get(urlPathEqualTo("/api/v1/sessions/" + code))
				.willReturn(okJson(fixture("teamviewer/session-created.json",
						Map.of("code", code, "description", "Ticket " + ticketId)))));
		UUID id = UUID.fromString(this.harness
			.read(this.harness.api("POST", "/api/sessions", startBody(ticketId, "teamviewer", "ada@example.com")))
			.get("id")
			.asString());

		this.jdbc.sql("update remote_session set expires_at = ? where id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), id)
			.update();

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.stateOf(id)).isEqualTo("EXPIRED"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.harness.teamviewer()
				.verifyThat(1, putRequestedFor(urlPathEqualTo("/api/v1/sessions/" + code))
					.withRequestBody(equalToJson("{\"state\":\"closed\"}"))));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(finalNotes(ticketId)).hasSize(1));
		assertThat(finalNotes(ticketId).get(0)).contains("invitation expired");
		assertThat(this.harness.eventsFor(ticketId)).filteredOn(SessionEnded.class::isInstance)
			.map((event) -> ((SessionEnded) event).outcome())
			.containsExactly("expired");
	}

	@Test
	void endsAGuacamoleSessionWithoutEventsAtItsExpiry() {
		String ticketId = newTicketId();
		UUID id = UUID.fromString(
				this.harness.read(this.harness.api("POST", "/api/sessions", GUACAMOLE_CONNECTION.formatted(ticketId)))
					.get("id")
					.asString());

		this.jdbc.sql("update remote_session set expires_at = ? where id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), id)
			.update();

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.stateOf(id)).isEqualTo("EXPIRED"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(finalNotes(ticketId)).hasSize(1));
		assertThat(finalNotes(ticketId).get(0)).contains("no session events received");
	}

	@Test
	void endsAStartedSessionWhoseEndNeverCameWithOneEndNote() {
		String ticketId = newTicketId();
		UUID id = UUID.fromString(
				this.harness.read(this.harness.api("POST", "/api/sessions", GUACAMOLE_CONNECTION.formatted(ticketId)))
					.get("id")
					.asString());
		this.harness.publish(this.harness.pushed("session.started", id.toString(),
				Instant.now().truncatedTo(ChronoUnit.SECONDS), "null", "null", "null"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.stateOf(id)).isEqualTo("STARTED"));

		// thirteen hours later, still no end event (max-silence is 12 h)
		java.sql.Timestamp longAgo = java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(13)));
		this.jdbc.sql("update remote_session set started_at = ?, last_event_at = ? where id = ?")
			.params(longAgo, longAgo, id)
			.update();

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.stateOf(id)).isEqualTo("ENDED"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(endNotes(ticketId)).hasSize(1));
		assertThat(endNotes(ticketId).get(0)).contains("End reason: no end event received within 12h");
		assertThat(this.harness.eventsFor(ticketId)).filteredOn(SessionEnded.class::isInstance)
			.map((event) -> ((SessionEnded) event).outcome())
			.containsExactly("ended");
		assertThat(this.harness.read(this.harness.api("GET", "/api/sessions/" + id, null))
			.get("history")
			.findValuesAsString("kind")).containsExactly("created", "invited", "started", "ended");
	}

	private List<String> historyOf(UUID id) {
		return this.harness.read(this.harness.api("GET", "/api/sessions/" + id, null))
			.get("history")
			.findValuesAsString("kind");
	}

	private List<String> endNotes(String ticketId) {
		return finalNotes(ticketId).stream().filter((body) -> body.startsWith("Remote session ended")).toList();
	}

	private List<String> finalNotes(String ticketId) {
		return this.harness.commandsFor(ticketId)
			.stream()
			.filter(AddInternalNote.class::isInstance)
			.map((TicketCommand command) -> ((AddInternalNote) command).body())
			.filter((body) -> !body.startsWith("Remote session created"))
			.toList();
	}

}
