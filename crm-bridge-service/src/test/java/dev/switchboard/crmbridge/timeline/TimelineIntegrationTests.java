package dev.switchboard.crmbridge.timeline;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.SetField;
import dev.switchboard.crmbridge.CrmBridgeIntegrationTest;
import dev.switchboard.crmbridge.Harness;
import dev.switchboard.crmbridge.call.CallNoteIds;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.crmbridge.Fixtures.fixture;
import static dev.switchboard.crmbridge.Fixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/timeline} over HTTP with the internal token, after the history was made
 * through the real entry points: Twilio callbacks and ticket commands on the broker, the
 * Zendesk fake answering (and failing) as a test says.
 */
@CrmBridgeIntegrationTest
class TimelineIntegrationTests {

	private static final String TOKEN = "test-internal-token-0123456789";

	private static final String OUR_NUMBER = "+18005551212";

	private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Harness harness;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@Test
	void showsATicketsCallAndCommandsWithTheirFailuresOldestFirst() throws Exception {
		String caller = "+1415" + (5_000_000 + new Random().nextInt(999_999));
		String userId = newTicketId();
		String ticketId = newTicketId();
		stubSearch(caller, userId);
		stubRequested(userId, ticketId);
		stubTicket(ticketId, "open");
		// the call's note is written; then one drain's three attempts fail; the next
		// drain writes
		String scenario = "timeline-" + ticketId;
		stubPut(ticketId, scenario, Scenario.STARTED, "noted", okJson(updated(ticketId)));
		stubPut(ticketId, scenario, "noted", "failed-once", aResponse().withStatus(503));
		stubPut(ticketId, scenario, "failed-once", "failed-twice", aResponse().withStatus(503));
		stubPut(ticketId, scenario, "failed-twice", "recovering", aResponse().withStatus(503));
		stubPut(ticketId, scenario, "recovering", null, okJson(updated(ticketId)));
		String callSid = callSid();
		Instant start = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
		this.harness.publish(status(callSid, "ringing", caller, 0, start, null));
		this.harness.publish(status(callSid, "in-progress", caller, 1, start.plusSeconds(5), null));
		this.harness.publish(status(callSid, "completed", caller, 2, start.plusSeconds(60), 55));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(kinds("ticketId=" + ticketId)).contains("command.applied"));

		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-timeline", ticketId, Instant.now(),
				"Linked to https://github.com/acme/app/issues/42 (open)");
		this.harness.publish(note, ServiceNames.ISSUE_SYNC);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(summaries(entries("ticketId=" + ticketId)))
				.contains("AddInternalNote " + note.commandId() + " applied to ticket " + ticketId));
		SetField field = SetField.of(UUID.randomUUID(), "corr-timeline", ticketId, Instant.now(), "issue_state",
				"closed");
		this.harness.publish(field);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(kinds("ticketId=" + ticketId)).endsWith("command.dead-lettered"));

		List<JsonNode> entries = entries("ticketId=" + ticketId);
		assertThat(entries)
			.extracting((entry) -> entry.path("kind").asString(), (entry) -> entry.path("outcome").asString(),
					(entry) -> entry.path("ref").asString(null))
			.containsExactly(tuple("call.started", "ok", callSid), tuple("call.ringing", "ok", callSid),
					tuple("call.answered", "ok", callSid), tuple("call.ended", "ok", callSid),
					tuple("call.logged", "ok", callSid), tuple("command.applied", "ok", callSid),
					tuple("command.received", "ok", null), tuple("command.attempt-failed", "ok", null),
					tuple("command.applied", "ok", null), tuple("command.received", "ok", null),
					tuple("command.dead-lettered", "failed", null));
		assertThat(summaries(entries)).satisfiesExactly(
				(summary) -> assertThat(summary)
					.isEqualTo("Inbound call " + callSid + " from " + display(caller) + " to +1 800-555-1212"),
				(summary) -> assertThat(summary).isEqualTo("Call " + callSid + " ringing"),
				(summary) -> assertThat(summary).isEqualTo("Call " + callSid + " answered after 5 s"),
				(summary) -> assertThat(summary).isEqualTo("Call " + callSid + " ended (inbound, completed, 55 s)"),
				(summary) -> assertThat(summary).isEqualTo("Call " + callSid + " logged on ticket " + ticketId
						+ " as an internal note (inbound, completed, 55 s)"),
				(summary) -> assertThat(summary).startsWith("AddInternalNote ")
					.endsWith(" applied to ticket " + ticketId),
				(summary) -> assertThat(summary)
					.isEqualTo("AddInternalNote " + note.commandId() + " received from issue-sync-service"),
				(summary) -> assertThat(summary).startsWith(
						"AddInternalNote " + note.commandId() + ": 1 failed attempt, the last: helpdesk unavailable"),
				(summary) -> assertThat(summary)
					.isEqualTo("AddInternalNote " + note.commandId() + " applied to ticket " + ticketId),
				(summary) -> assertThat(summary).isEqualTo("SetField " + field.commandId()
						+ " received on tickets.commands (the message names no sender): field issue_state = closed"),
				(summary) -> assertThat(summary).startsWith("SetField " + field.commandId() + " dead-lettered")
					.contains("'issue_state' is not numeric"));
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.path("service").asString()).isEqualTo(ServiceNames.CRM_BRIDGE);
			assertThat(entry.path("summary").asString()).doesNotContain("github.com");
		});
		assertThat(entries).extracting((entry) -> Instant.parse(entry.path("at").asString()))
			.isSortedAccordingTo(Instant::compareTo);
	}

	@Test
	void showsACallsEventsTheTicketCreatedForItAndItsLateVoicemail() throws Exception {
		String ticketId = newTicketId();
		String callSid = callSid();
		this.harness.zendesk()
			.register(post(urlEqualTo("/api/v2/tickets.json"))
				.withHeader("Idempotency-Key", equalTo("switchboard-call-" + callSid))
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody(fixture("zendesk/ticket-updated.json",
							Map.of("ticketId", ticketId, "status", "new", "updatedAt", "2026-11-23T10:05:00Z")))));
		stubTicket(ticketId, "new");
		this.harness.zendesk()
			.register(put(urlEqualTo("/api/v2/tickets/" + ticketId + ".json")).willReturn(okJson(updated(ticketId))));
		Instant start = Instant.now().minusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
		this.harness.publish(status(callSid, "in-progress", "anonymous", 0, start, null));
		this.harness.publish(status(callSid, "completed", "anonymous", 1, start.plusSeconds(30), 30));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(kinds("callSid=" + callSid)).contains("ticket.created"));
		this.harness.publish(voicemail(callSid));

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(kinds("callSid=" + callSid)).endsWith("command.applied"));
		List<JsonNode> entries = entries("callSid=" + callSid);
		assertThat(entries)
			.extracting((entry) -> entry.path("kind").asString(), (entry) -> entry.path("outcome").asString(),
					(entry) -> entry.path("summary").asString())
			.containsExactly(
					tuple("call.started", "ok",
							"Inbound call " + callSid + " from a withheld number to +1 800-555-1212"),
					tuple("call.answered", "ok", "Call " + callSid + " answered"),
					tuple("call.ended", "ok",
							"Call " + callSid + " ended (inbound, completed, 30 s); voicemail left (42 s)"),
					tuple("ticket.created", "ok",
							"Ticket " + ticketId
									+ " created for the call from a withheld number, its log the first comment"),
					tuple("call.noted", "ok", "Voicemail of call " + callSid + " noted on ticket " + ticketId),
					tuple("command.applied", "ok", "AddInternalNote " + CallNoteIds.of(CallNoteIds.VOICEMAIL, callSid)
							+ " applied to ticket " + ticketId));
		assertThat(entries).allSatisfy((entry) -> assertThat(entry.path("ref").asString()).isEqualTo(callSid));
		assertThat(entries("ticketId=" + ticketId)).extracting((entry) -> entry.path("kind").asString())
			.containsExactlyElementsOf(entries.stream().map((entry) -> entry.path("kind").asString()).toList());
	}

	@Test
	void showsAReopenOfAClosedTicketOnItAndOnItsFollowUp() throws Exception {
		String ticketId = newTicketId();
		String followUpId = newTicketId();
		stubTicket(ticketId, "closed");
		this.harness.zendesk()
			.register(post(urlEqualTo("/api/v2/tickets.json"))
				.withRequestBody(matchingJsonPath("$.ticket.via_followup_source_id", equalTo(ticketId)))
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody(updated(followUpId))));
		Reopen reopen = Reopen.of(UUID.randomUUID(), "corr-timeline", ticketId, Instant.now());

		this.harness.publish(reopen);

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(kinds("ticketId=" + ticketId)).contains("followup.announced"));
		String id = "Reopen " + reopen.commandId();
		String event = "TicketFollowedUp (" + ticketId + " → " + followUpId + ") published on tickets.events";
		assertThat(entries("ticketId=" + ticketId))
			.extracting((entry) -> entry.path("kind").asString(), (entry) -> entry.path("summary").asString())
			.containsExactly(
					tuple("command.received", id + " received on tickets.commands (the message names no sender)"),
					tuple("command.applied",
							id + " applied to ticket " + followUpId + ", the follow-up of closed ticket " + ticketId),
					tuple("followup.created", "Ticket " + ticketId + " was closed: follow-up " + followUpId
							+ " created, later commands go there"),
					tuple("followup.announced", event));
		assertThat(entries("ticketId=" + followUpId))
			.extracting((entry) -> entry.path("kind").asString(), (entry) -> entry.path("summary").asString())
			.containsExactly(
					tuple("command.received",
							id + " for ticket " + ticketId
									+ " received on tickets.commands (the message names no sender)"),
					tuple("command.applied",
							id + " applied to ticket " + followUpId + ", the follow-up of closed ticket " + ticketId),
					tuple("followup.created",
							"Ticket " + followUpId + " created as the follow-up of closed ticket " + ticketId),
					tuple("followup.announced", event));
	}

	@Test
	void answersNothingForWhatItNeverSawAndRefusesAQueryThatIsNotOneValidSubject() throws Exception {
		for (String query : List.of("ticketId=" + newTicketId(), "callSid=CA" + "0".repeat(32), "callSid=CA42",
				"issue=" + form("https://github.com/acme/widgets/issues/42"), "sessionId=" + UUID.randomUUID(),
				"incident=INC-42", "ticketId=0042")) {
			HttpResponse<String> response = api("/api/timeline?" + query, TOKEN);
			assertThat(response.statusCode()).as(query).isEqualTo(200);
			assertThat(this.json.readTree(response.body()).isArray()).as(query).isTrue();
			assertThat(this.json.readTree(response.body()).size()).as(query).isZero();
		}
		for (String query : List.of("", "foo=1", "ticketId=1&callSid=CA" + "0".repeat(32), "ticketId=1&ticketId=2",
				"ticketId=", "ticketId=abc", "ticketId=1234567890123456789", "ticketId=-1", "sessionId=not-a-uuid",
				"incident=" + "x".repeat(2049))) {
			HttpResponse<String> response = api("/api/timeline?" + query, TOKEN);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
		}
		assertThat(this.json.readTree(api("/api/timeline?ticketId=abc", TOKEN).body()).path("field").asString())
			.isEqualTo("ticketId");

		assertThat(api("/v3/api-docs", TOKEN).body()).contains("\"/api/timeline\"");

		HttpResponse<String> anonymous = api("/api/timeline?ticketId=" + newTicketId(), null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private List<String> kinds(String query) throws Exception {
		return entries(query).stream().map((entry) -> entry.path("kind").asString()).toList();
	}

	private static List<String> summaries(List<JsonNode> entries) {
		return entries.stream().map((entry) -> entry.path("summary").asString()).toList();
	}

	private List<JsonNode> entries(String query) throws Exception {
		HttpResponse<String> response = api("/api/timeline?" + query, TOKEN);
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		this.json.readTree(response.body()).forEach(entries::add);
		return entries;
	}

	private HttpResponse<String> api(String path, @Nullable String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			request.header("X-Switchboard-Internal-Token", token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void stubSearch(String caller, String userId) {
		String user = fixture("zendesk/search-user.json", Map.of("userId", userId, "name", "Ada Customer", "email",
				"ada." + userId + "@example.com", "phone", caller));
		this.harness.zendesk()
			.register(get(urlPathEqualTo("/api/v2/search.json"))
				.withQueryParam("query", equalTo("role:end-user phone:*" + caller.substring(2)))
				.willReturn(okJson(fixture("zendesk/search-users.json", Map.of("users", user, "count", "1")))));
	}

	private void stubRequested(String userId, String ticketId) {
		this.harness.zendesk()
			.register(get(urlPathEqualTo("/api/v2/users/" + userId + "/tickets/requested.json"))
				.willReturn(okJson(fixture("zendesk/requested-tickets.json", Map.of("userId", userId, "ticketId",
						ticketId, "updatedAt", Instant.now().minus(Duration.ofMinutes(1)).toString())))));
	}

	private void stubTicket(String ticketId, String status) {
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket.json",
						Map.of("ticketId", ticketId, "status", status, "updatedAt", "2026-11-23T10:00:00Z")))));
	}

	private void stubPut(String ticketId, String scenario, String state, @Nullable String next,
			ResponseDefinitionBuilder answer) {
		var stub = put(urlEqualTo("/api/v2/tickets/" + ticketId + ".json")).inScenario(scenario)
			.whenScenarioStateIs(state);
		this.harness.zendesk().register(((next != null) ? stub.willSetStateTo(next) : stub).willReturn(answer));
	}

	private static String updated(String ticketId) {
		return fixture("zendesk/ticket-updated.json",
				Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:05:00Z"));
	}

	private static InboundDelivery status(String callSid, String status, String from, int sequence, Instant at,
			@Nullable Integer duration) {
		String body = fixture("twilio/status-callback.form", Map.ofEntries(Map.entry("callSid", callSid),
				Map.entry("status", status), Map.entry("from", form(from)), Map.entry("to", form(OUR_NUMBER)),
				Map.entry("direction", "inbound"), Map.entry("timestamp", form(RFC_1123.format(at))),
				Map.entry("sequence", Integer.toString(sequence)),
				Map.entry("duration", (duration != null) ? duration.toString() : ""),
				Map.entry("minutes", (duration != null) ? "1" : ""), Map.entry("sip", "200"), Map.entry("parent", "")));
		return twilio("call-status", body);
	}

	/** A voicemail (TwiML {@code <Record>}) of 42 seconds. */
	private static InboundDelivery voicemail(String callSid) {
		String url = "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Recordings/RE0123456789abcdef0123456789abcdef";
		return twilio("recording-status",
				fixture("twilio/recording-callback.form", Map.of("callSid", callSid, "recordingUrl", form(url),
						"timestamp", form(RFC_1123.format(Instant.now())), "source", "RecordVerb", "seconds", "42")));
	}

	private static InboundDelivery twilio(String event, String body) {
		String token = UUID.randomUUID().toString();
		return InboundDelivery.of("corr-" + token, Provider.TWILIO, event, token, Instant.now(),
				Map.of("i-twilio-idempotency-token", token, "content-type", "application/x-www-form-urlencoded"),
				body.getBytes(StandardCharsets.UTF_8));
	}

	private static String callSid() {
		return "CA" + UUID.randomUUID().toString().replace("-", "");
	}

	/** {@code +14155550123} as notes show it: {@code +1 415-555-0123}. */
	private static String display(String e164) {
		return "+1 " + e164.substring(2, 5) + "-" + e164.substring(5, 8) + "-" + e164.substring(8);
	}

	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
