package dev.switchboard.crmbridge.call;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.crmbridge.CrmBridgeIntegrationTest;
import dev.switchboard.crmbridge.Harness;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.switchboard.crmbridge.Fixtures.fixture;
import static dev.switchboard.crmbridge.Fixtures.hostileTicketIds;
import static dev.switchboard.crmbridge.Fixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST /api/calls} → Twilio {@code Calls.json}, the call logged on the ticket. */
@CrmBridgeIntegrationTest
class ClickToCallIntegrationTests {

	@Autowired
	Harness harness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private static final String CALLS = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls.json";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void ringsTheAgentThenTheCustomerAndLogsTheCallOnTheTicket() throws Exception {
		String ticketId = newTicketId();
		String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
		this.harness.twilio()
			.register(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(fixture("twilio/call-created.json", Map.of("callSid", callSid, "to", "+14155550100")))));
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket.json",
						Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:00:00Z")))));
		this.harness.zendesk()
			.register(put(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket-updated.json",
						Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:05:00Z")))));

		// GB is listed in allowed-destinations (CrmBridgeIntegrationTest): a London
		// number is
		// dialled
		HttpResponse<String> response = apiPost("""
				{"ticketId":"%s","agentPhone":"(415) 555-0100","customerPhone":"+44 20 7946 0018"}
				""".formatted(ticketId));

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(this.json.readTree(response.body()).path("callSid").asString()).isEqualTo(callSid);
		LoggedRequest request = this.harness.twilio()
			.find(postRequestedFor(urlEqualTo(CALLS)))
			.stream()
			.filter((candidate) -> candidate.getBodyAsString().contains("%2B442079460018"))
			.findFirst()
			.orElseThrow();
		String form = URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
		assertThat(form).contains("To=+14155550100")
			.contains("From=+18005551212")
			.contains("StatusCallback=https://switchboard.example.com/webhooks/twilio")
			.contains("StatusCallbackEvent=answered")
			.contains(">+442079460018</Number>");
		assertThat(request.getHeader("Authorization")).startsWith("Basic ");

		this.harness.publish(callback(callSid, "completed", 95));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.harness.zendesk().find(putRequestedFor(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))))
				.hasSize(1));
		String note = this.json
			.readTree(this.harness.zendesk()
				.find(putRequestedFor(urlEqualTo("/api/v2/tickets/" + ticketId + ".json")))
				.get(0)
				.getBodyAsString())
			.path("ticket")
			.path("comment")
			.path("body")
			.asString();
		assertThat(note).contains("Outbound call (completed)").contains("Duration: 95 s").contains("+44 20 7946 0018");
		JsonNode logs = this.json.readTree(apiGet("/api/calls?ticketId=" + ticketId).body());
		assertThat(logs.size()).isEqualTo(1);
		assertThat(logs.get(0).path("direction").asString()).isEqualTo("outbound-api");
	}

	@Test
	void placesACallOnceForACallNoteWithTheAuthorsPhoneAsTheAgent() {
		String ticketId = newTicketId();
		String authorId = newTicketId();
		String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/users/" + authorId + ".json"))
				.willReturn(okJson(fixture("zendesk/user.json", Map.of("userId", authorId, "name", "Dana Agent",
						"email", "dana@example.com", "phone", "+1 (415) 555-0177")))));
		this.harness.twilio()
			.register(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(fixture("twilio/call-created.json", Map.of("callSid", callSid, "to", "+14155550177")))));
		String body = fixture("zendesk/event-comment-added.json",
				Map.of("ticketId", ticketId, "authorId", authorId, "authorName", "Dana Agent", "body",
						"/call +1 212 555 0188", "commentId", newTicketId(), "isPublic", "false", "eventId",
						UUID.randomUUID().toString(), "time", Instant.now().toString(), "updatedAt",
						Instant.now().toString()));
		String eventId = this.json.readTree(body).path("id").asString();
		InboundDelivery note = InboundDelivery.of("corr-" + eventId, Provider.ZENDESK,
				"zen:event-type:ticket.comment_added", eventId, Instant.now(), Map.of(),
				body.getBytes(StandardCharsets.UTF_8));

		this.harness.publish(note);
		this.harness.publish(note);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(callsTo("+12125550188")).hasSize(1));
		assertThat(URLDecoder.decode(callsTo("+12125550188").get(0).getBodyAsString(), StandardCharsets.UTF_8))
			.contains("To=+14155550177");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(callsTo("+12125550188")).hasSize(1));
		assertThat(this.jdbc.sql("select ticket_id from call_log where call_sid = ?")
			.param(callSid)
			.query(String.class)
			.single()).isEqualTo(ticketId);
	}

	private java.util.List<LoggedRequest> callsTo(String customer) {
		String encoded = URLEncoder.encode(customer, StandardCharsets.UTF_8);
		return this.harness.twilio()
			.find(postRequestedFor(urlEqualTo(CALLS)))
			.stream()
			.filter((request) -> request.getBodyAsString().contains(encoded))
			.toList();
	}

	/**
	 * 503 and 429 cannot have started a call: retried (3 attempts); a timeout, another
	 * 5xx or an unreadable answer may have, so they are never repeated.
	 */
	@ParameterizedTest
	@CsvSource({ "unavailable, 3", "bad-gateway, 1", "timeout, 1", "rate-limited, 3", "malformed, 1" })
	void answersBadGatewayWithoutALogWhenTwilioFails(String failure, int attempts) throws Exception {
		String customer = "+1212555" + (1000 + new java.util.Random().nextInt(8999));
		ResponseDefinitionBuilder answer = switch (failure) {
			case "unavailable" -> aResponse().withStatus(503);
			case "bad-gateway" -> aResponse().withStatus(502);
			case "timeout" -> aResponse().withStatus(201).withFixedDelay(2500).withBody("{}");
			case "rate-limited" -> aResponse().withStatus(429).withHeader("Retry-After", "30");
			default -> aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("<html>oops</html>");
		};
		this.harness.twilio()
			.register(post(urlEqualTo(CALLS))
				.withRequestBody(containing(URLEncoder.encode(customer, StandardCharsets.UTF_8)))
				.willReturn(answer));

		HttpResponse<String> response = apiPost(
				"{\"ticketId\":\"%s\",\"agentPhone\":\"+14155550100\",\"customerPhone\":\"%s\"}"
					.formatted(newTicketId(), customer));

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("test-twilio-auth-token");
		assertThat(callsTo(customer)).hasSize(attempts);
	}

	@ParameterizedTest
	@MethodSource("ticketIdsThatAreNotHelpdeskIds")
	void refusesATicketIdThatIsNotAHelpdeskIdAsABadRequestNamingTheFieldAndDialsNothing(String ticketId)
			throws Exception {
		String customer = "+1212555" + (1000 + new java.util.Random().nextInt(8999));
		this.harness.twilio()
			.register(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(fixture("twilio/call-created.json",
						Map.of("callSid", "CA" + "0".repeat(32), "to", customer)))));

		HttpResponse<String> response = apiPost(this.json
			.writeValueAsString(Map.of("ticketId", ticketId, "agentPhone", "+14155550100", "customerPhone", customer)));

		assertBadRequestNaming(response, "ticketId");
		assertThat(callsTo(customer)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("ticketIdsThatAreNotHelpdeskIds")
	void refusesToListTheCallsOfATicketIdThatIsNotAHelpdeskId(String ticketId) throws Exception {
		HttpResponse<String> response = apiGet(
				"/api/calls?ticketId=" + URLEncoder.encode(ticketId, StandardCharsets.UTF_8).replace("+", "%20"));

		assertBadRequestNaming(response, "ticketId");
	}

	@ParameterizedTest
	@ValueSource(strings = { "CAnothere", "CA0123456789abcdef0123456789abcdeZ", "ca0123456789abcdef0123456789abcdef",
			"CA0123456789abcdef0123456789abcdef0" })
	void refusesACallSidThatIsNotOneAsABadRequestNamingTheField(String callSid) throws Exception {
		assertBadRequestNaming(apiGet("/api/calls/" + callSid), "callSid");
	}

	static Stream<String> ticketIdsThatAreNotHelpdeskIds() {
		return Stream.concat(hostileTicketIds(), Stream.of("", " "));
	}

	private void assertBadRequestNaming(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("field").asString()).isEqualTo(field);
		assertThat(problem.path("detail").asString()).startsWith(field + " ");
	}

	/**
	 * The shared context lists US and GB ({@code allowed-destinations=US,GB}): ordinary
	 * numbers there are dialled (see the UK customer above), premium-rate and other
	 * expensive lines are refused even there, and every other region is refused.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					+1 415 555 0100 | +1 900 555 0100  | customerPhone | premium-rate    | +1 900-555-0100 is a premium-rate number
					+1 415 555 0100 | +44 909 8790879  | customerPhone | premium-rate    | +44 909 879 0879 is a premium-rate number
					+1 415 555 0100 | +44 70 1234 5678 | customerPhone | personal-number | +44 70 1234 5678 is a personal (follow-me) number
					+1 415 555 0100 | +44 76 4012 3456 | customerPhone | pager           | +44 76 4012 3456 is a pager number
					+1 415 555 0100 | +1 500 234 5678  | customerPhone | personal-number | +1 500-234-5678 is a personal (follow-me) number
					+1 415 555 0100 | +49 1512 3456789 | customerPhone | region          | +49 1512 3456789 is a number in DE; only numbers in US, GB are dialled
					+1 415 555 0100 | +1 876 555 0100  | customerPhone | region          | +1 876-555-0100 is a number in JM
					+1 415 555 0100 | +1 416 555 0100  | customerPhone | region          | +1 416-555-0100 is a number in CA
					+1 415 555 0100 | 12               | customerPhone | invalid         | is not a valid phone number
					+1 900 234 5678 | +1 212 555 0142  | agentPhone    | premium-rate    | +1 900-234-5678 is a premium-rate number
					+33 6 12 34 56 78 | +1 212 555 0142 | agentPhone   | region          | +33 6 12 34 56 78 is a number in FR
					""")
	void refusesANumberOutsideTheDialPolicyWithAProblemThatSaysWhyAndDialsNothing(String agent, String customer,
			String field, String reason, String why) throws Exception {
		double before = refusals(reason, field.equals("agentPhone") ? "agent" : "customer");

		HttpResponse<String> response = apiPost(this.json
			.writeValueAsString(Map.of("ticketId", newTicketId(), "agentPhone", agent, "customerPhone", customer)));

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("field").asString()).isEqualTo(field);
		assertThat(problem.path("reason").asString()).isEqualTo(reason);
		assertThat(problem.path("detail").asString()).contains(why);
		if (!reason.equals("invalid")) {
			assertThat(problem.path("detail").asString()).contains("crm-bridge.calls.allowed-destinations");
		}
		assertThat(refusals(reason, field.equals("agentPhone") ? "agent" : "customer")).isEqualTo(before + 1);
		assertThat(this.harness.twilio().find(postRequestedFor(anyUrl()))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					+1 415 555 0177 | /call +1 900 555 0100  | Not dialled: the customer's number +1 900-555-0100 is a premium-rate number; calls to premium-rate numbers are refused (crm-bridge.calls.allowed-destinations). Check the number; Switchboard does not dial such numbers.
					+1 415 555 0177 | /call +44 909 8790879  | Not dialled: the customer's number +44 909 879 0879 is a premium-rate number; calls to premium-rate numbers are refused (crm-bridge.calls.allowed-destinations). Check the number; Switchboard does not dial such numbers.
					+1 415 555 0177 | /call +49 1512 3456789 | Not dialled: the customer's number +49 1512 3456789 is a number in DE; only numbers in US, GB are dialled (crm-bridge.calls.allowed-destinations). Dial it yourself, or ask an administrator to allow that region.
					+1 415 555 0177 | /call 12               | Not dialled: the customer's number is not a valid phone number (a number abroad starts with + and its country code). Write /call followed by the number with + and its country code, e.g. /call +1 212 555 0100.
					+1 900 234 5678 | /call +1 212 555 0143  | Not dialled: the agent's number +1 900-234-5678 is a premium-rate number; calls to premium-rate numbers are refused (crm-bridge.calls.allowed-destinations). Put an ordinary phone number on your helpdesk profile, then write /call again.
					'' | /call +1 212 555 0144                 | Not dialled: the note's author has no phone number in the helpdesk, so there is no agent phone to ring. Add your phone number to your helpdesk profile, then write /call again.
					""")
	void answersACallNoteOutsideTheDialPolicyWithOneInternalNoteThatSaysWhatToFixAndDialsNothing(String authorPhone,
			String command, String expectedNote) {
		String ticketId = newTicketId();
		String authorId = newTicketId();
		stubAgent(authorId, (authorPhone != null) ? authorPhone : "");
		stubTicket(ticketId, "20978392");
		InboundDelivery note = callNote(ticketId, authorId, command);

		this.harness.publish(note);
		this.harness.publish(note);

		assertOneInternalNote(ticketId, expectedNote);
		assertThat(this.harness.twilio().find(postRequestedFor(anyUrl()))).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from call_log where ticket_id = ?")
			.param(ticketId)
			.query(Integer.class)
			.single()).isZero();
	}

	/**
	 * Twilio down (503 on every attempt), refusing (401: the account's settings) or
	 * silent (no answer in time, so the call may have started): the agent reads one note
	 * saying which and what to do, however often the note's event is delivered, and
	 * Twilio is asked once per attempt of the first delivery only.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					503     | 3 | Not dialled: the phone system is unavailable (Twilio answered HTTP 503 on each of 3 attempts). Nobody was called; write /call again in a few minutes.
					401     | 1 | Not dialled: the phone system refused the call (Twilio answered HTTP 401). Ask an administrator to check Switchboard's Twilio settings (crm-bridge.twilio.*).
					timeout | 1 | Perhaps not dialled: the phone system did not confirm the call (Twilio did not answer: SocketTimeoutException). If your phone does not ring within a minute, write /call again.
					""")
	void answersACallNoteTwilioDidNotPlaceWithOneInternalNoteThatSaysWhatToDo(String failure, int attempts,
			String expectedNote) {
		String ticketId = newTicketId();
		String authorId = newTicketId();
		String customer = "+1212555" + (1000 + new java.util.Random().nextInt(8999));
		stubAgent(authorId, "+1 415 555 0177");
		stubTicket(ticketId, "20978392");
		ResponseDefinitionBuilder answer = switch (failure) {
			case "timeout" -> aResponse().withStatus(201).withFixedDelay(2500).withBody("{}");
			case "401" -> aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":"
						+ "\"https://www.twilio.com/docs/errors/20003\",\"status\":401}");
			default -> aResponse().withStatus(Integer.parseInt(failure));
		};
		this.harness.twilio()
			.register(post(urlEqualTo(CALLS))
				.withRequestBody(containing(URLEncoder.encode(customer, StandardCharsets.UTF_8)))
				.willReturn(answer));
		InboundDelivery note = callNote(ticketId, authorId, "/call " + customer);

		this.harness.publish(note);
		this.harness.publish(note);

		assertOneInternalNote(ticketId, expectedNote);
		assertThat(callsTo(customer)).hasSize(attempts);
		assertThat(this.jdbc.sql("select count(*) from call_log where ticket_id = ?")
			.param(ticketId)
			.query(Integer.class)
			.single()).isZero();
	}

	/**
	 * {@code /call} without a number dials the ticket's requester: without a phone on
	 * their profile, one note says so; once they have one (still cached without it), the
	 * profile is read again and the next {@code /call} dials it.
	 */
	@Test
	void dialsTheRequesterOnceTheirProfileHasAPhoneAndTellsTheAgentWhenItHasNone() {
		String ticketId = newTicketId();
		String authorId = newTicketId();
		String requesterId = newTicketId();
		String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
		stubAgent(authorId, "+1 415 555 0177");
		stubTicket(ticketId, requesterId);
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/users/" + requesterId + ".json"))
				.willReturn(okJson(endUser(requesterId, ""))));
		InboundDelivery first = callNote(ticketId, authorId, "/call");

		this.harness.publish(first);
		this.harness.publish(first);

		assertOneInternalNote(ticketId,
				"Not dialled: no customer number was given and the ticket's requester has no phone number in the "
						+ "helpdesk. Add a phone number to the requester's profile, or write /call followed by the "
						+ "number to dial.");
		assertThat(this.harness.twilio().find(postRequestedFor(anyUrl()))).isEmpty();

		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/users/" + requesterId + ".json"))
				.willReturn(okJson(endUser(requesterId, "+1 (212) 555-0199"))));
		this.harness.twilio()
			.register(post(urlEqualTo(CALLS)).withRequestBody(containing("%2B12125550199"))
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody(fixture("twilio/call-created.json", Map.of("callSid", callSid, "to", "+14155550177")))));
		this.harness.publish(callNote(ticketId, authorId, "/call"));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(callsTo("+12125550199")).hasSize(1));
		assertThat(URLDecoder.decode(callsTo("+12125550199").get(0).getBodyAsString(), StandardCharsets.UTF_8))
			.contains("To=+14155550177");
	}

	/**
	 * The agent's profile was cached without a phone (their first {@code /call} was
	 * refused for it); after they add one, their next {@code /call} reads the profile
	 * again instead of refusing from the cache, and rings them.
	 */
	@Test
	void placesTheCallOfAnAgentWhoAddedAPhoneAfterTheirProfileWasCachedWithout() {
		String ticketId = newTicketId();
		String authorId = newTicketId();
		String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
		stubAgent(authorId, "");
		stubTicket(ticketId, "20978392");
		this.harness.publish(callNote(ticketId, authorId, "/call +1 212 555 0145"));
		assertOneInternalNote(ticketId, "Not dialled: the note's author has no phone number in the helpdesk, so there "
				+ "is no agent phone to ring. Add your phone number to your helpdesk profile, then write /call again.");

		stubAgent(authorId, "+1 415 555 0166");
		this.harness.twilio()
			.register(post(urlEqualTo(CALLS)).withRequestBody(containing("%2B12125550145"))
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody(fixture("twilio/call-created.json", Map.of("callSid", callSid, "to", "+14155550166")))));
		this.harness.publish(callNote(ticketId, authorId, "/call +1 212 555 0145"));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(callsTo("+12125550145")).hasSize(1));
		assertThat(URLDecoder.decode(callsTo("+12125550145").get(0).getBodyAsString(), StandardCharsets.UTF_8))
			.contains("To=+14155550166");
		assertThat(this.harness.zendesk().find(putRequestedFor(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))))
			.as("no second refusal")
			.hasSize(1);
	}

	private void stubAgent(String userId, String phone) {
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/users/" + userId + ".json"))
				.willReturn(okJson(fixture("zendesk/user.json",
						Map.of("userId", userId, "name", "Dana Agent", "email", "dana@example.com", "phone", phone)))));
	}

	/** A Zendesk end user as {@code GET /api/v2/users/{id}.json} returns one. */
	private static String endUser(String userId, String phone) {
		return fixture("zendesk/user.json",
				Map.of("userId", userId, "name", "Ada Customer", "email", "ada@example.com", "phone", phone))
			.replace("\"role\": \"agent\"", "\"role\": \"end-user\"");
	}

	private void stubTicket(String ticketId, String requesterId) {
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket.json",
						Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:00:00Z"))
					.replace("\"requester_id\": 20978392", "\"requester_id\": " + requesterId))));
		this.harness.zendesk()
			.register(put(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket-updated.json",
						Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:05:00Z")))));
	}

	/**
	 * Exactly one update reached the ticket, and it is the internal note (with the marker
	 * of the command that wrote it, ZendeskHelpdesk#marker).
	 */
	private void assertOneInternalNote(String ticketId, String expectedNote) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.harness.zendesk().find(putRequestedFor(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))))
				.hasSize(1));
		await().during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(
					this.harness.zendesk().find(putRequestedFor(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))))
				.hasSize(1));
		JsonNode comment = this.json
			.readTree(this.harness.zendesk()
				.find(putRequestedFor(urlEqualTo("/api/v2/tickets/" + ticketId + ".json")))
				.get(0)
				.getBodyAsString())
			.path("ticket")
			.path("comment");
		assertThat(comment.path("body").asString()).matches(Pattern.quote(expectedNote) + "\n\n\\[sb:[0-9a-f]{8}\\]");
		assertThat(comment.path("public").asBoolean()).isFalse();
	}

	private double refusals(String reason, String party) {
		Counter counter = this.meters.find("switchboard.calls.refused")
			.tags("reason", reason, "party", party)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private InboundDelivery callNote(String ticketId, String authorId, String command) {
		String body = fixture("zendesk/event-comment-added.json",
				Map.of("ticketId", ticketId, "authorId", authorId, "authorName", "Dana Agent", "body", command,
						"commentId", newTicketId(), "isPublic", "false", "eventId", UUID.randomUUID().toString(),
						"time", Instant.now().toString(), "updatedAt", Instant.now().toString()));
		String eventId = this.json.readTree(body).path("id").asString();
		return InboundDelivery.of("corr-" + eventId, Provider.ZENDESK, "zen:event-type:ticket.comment_added", eventId,
				Instant.now(), Map.of(), body.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void refusesACallWithoutTicketAsABadRequestProblem() throws Exception {
		HttpResponse<String> response = apiPost("{\"agentPhone\":\"+14155550100\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void refusesAnInvalidAgentNumberAsUnprocessable() throws Exception {
		HttpResponse<String> response = apiPost(
				"{\"ticketId\":\"1\",\"agentPhone\":\"12\",\"customerPhone\":\"+14155550100\"}");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void servesTheApiDescriptionToTheGatewayOnly() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs"))
				.header("X-Switchboard-Internal-Token", "test-internal-token-0123456789")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("/api/calls").contains("/api/calls/{callSid}");
	}

	private InboundDelivery callback(String callSid, String status, int duration) {
		String timestamp = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(Instant.now());
		String body = "AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=2010-04-01&CallSid=" + callSid
				+ "&CallStatus=" + status
				+ "&Direction=outbound-api&From=%2B18005551212&To=%2B14155550100&CallDuration=" + duration
				+ "&SequenceNumber=0&Timestamp=" + URLEncoder.encode(timestamp, StandardCharsets.UTF_8)
				+ "&CallbackSource=call-progress-events";
		String token = UUID.randomUUID().toString();
		return InboundDelivery.of("corr-" + token, Provider.TWILIO, "call-status", token, Instant.now(),
				Map.of("i-twilio-idempotency-token", token), body.getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> apiPost(String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/calls"))
			.header("X-Switchboard-Internal-Token", "test-internal-token-0123456789")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> apiGet(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-Switchboard-Internal-Token", "test-internal-token-0123456789")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
