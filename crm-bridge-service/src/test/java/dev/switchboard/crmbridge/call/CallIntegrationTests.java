package dev.switchboard.crmbridge.call;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.crmbridge.CrmBridgeIntegrationTest;
import dev.switchboard.crmbridge.Harness;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.crmbridge.Fixtures.fixture;
import static dev.switchboard.crmbridge.Fixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twilio status callbacks published on the real broker as the gateway publishes them (raw
 * form body, idempotency token as delivery id), logged on the Zendesk fake.
 */
@CrmBridgeIntegrationTest
class CallIntegrationTests {

	@Autowired
	Harness harness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JsonMapper json;

	private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private static final String OUR_NUMBER = "+18005551212";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DataSource dataSource;

	@Test
	void keepsOneLogAndWritesOneEndNoteWhateverOrderTheCallbacksArriveIn() throws Exception {
		String caller = randomNumber();
		String userId = newTicketId();
		String ticketId = newTicketId();
		stubSearch(caller, List.of(user(userId, "Ada Customer", national(caller))));
		stubRequested(userId, ticketId, Instant.now().minus(Duration.ofMinutes(5)));
		stubTicketWrites(ticketId);
		String callSid = callSid();
		Instant start = Instant.now().minusSeconds(60);
		List<InboundDelivery> callbacks = new ArrayList<>(List.of(
				status(callSid, null, "initiated", caller, OUR_NUMBER, 0, start, null),
				status(callSid, null, "ringing", caller, OUR_NUMBER, 1, start.plusSeconds(1), null),
				status(callSid, null, "in-progress", caller, OUR_NUMBER, 2, start.plusSeconds(8), null),
				status(callSid, null, "completed", caller, OUR_NUMBER, 3, start.plusSeconds(50), 42),
				status(callSid(), callSid, "in-progress", OUR_NUMBER, "+14155550100", 0, start.plusSeconds(8), null)));
		callbacks.add(callbacks.get(3));
		Collections.shuffle(callbacks, new Random(7));

		callbacks.forEach(this.harness::publish);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(puts(ticketId)).hasSize(1));
		String note = comment(puts(ticketId).get(0));
		assertThat(note).contains("Inbound call (completed)")
			.contains("Duration: 42 s")
			.contains("Wait before answer: 7 s")
			.contains(callSid);
		JsonNode log = this.json.readTree(api("/api/calls/" + callSid).body());
		assertThat(log.path("status").asString()).isEqualTo("completed");
		assertThat(log.path("ticketId").asString()).isEqualTo(ticketId);
		assertThat(log.path("durationSeconds").asInt()).isEqualTo(42);
		assertThat(log.path("waitSeconds").asInt()).isEqualTo(7);
		// the dialled (child) leg is not waited for: its agent number reaches the log,
		// and
		// the note only when it came before the parent leg's last callback
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(this.json.readTree(api("/api/calls/" + callSid).body()).path("agent").asString())
						.isEqualTo("+14155550100"));
		assertThat(this.jdbc.sql("select count(*) from call_log where call_sid = ? or ticket_id = ?")
			.params(callSid, ticketId)
			.query(Long.class)
			.single()).isEqualTo(1);
		this.harness.publish(callbacks.get(0));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(puts(ticketId)).hasSize(1));
	}

	/**
	 * Issue 19: callbacks are taken by several consumers at once. While one call's log is
	 * locked (as by another consumer or instance busy with it) and two more of its
	 * callbacks wait for it, the other calls' callbacks, interleaved, shuffled and some
	 * delivered twice, are all applied: one consumer alone would wait behind the lock.
	 * Each call ends with one log in its final state and one end note; the held call's
	 * two waiting callbacks are applied one after the other once the lock is released
	 * (none lost, as an update made from the same read would).
	 */
	@Test
	void appliesManyCallsCallbacksConcurrentlyAndEachCallsInTurn() throws Exception {
		KnownCaller known = knownCallerWithARecentTicket(Duration.ofMinutes(1));
		Instant start = Instant.now().minusSeconds(120);
		List<ExpectedCall> calls = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			calls.add(new ExpectedCall(callSid(), (i % 4 == 3) ? "no-answer" : "completed", (i % 4 == 3) ? 0 : 10 + i));
		}
		ExpectedCall held = calls.get(0);
		List<InboundDelivery> heldCallbacks = callbacks(held, known.number(), start);
		this.harness.publish(heldCallbacks.get(0));
		await().atMost(Duration.ofSeconds(10)).until(() -> storedCallbacks(held.callSid()) == 1);
		Random random = new Random(19);
		List<InboundDelivery> others = new ArrayList<>();
		for (ExpectedCall call : calls.subList(1, calls.size())) {
			List<InboundDelivery> callbacks = callbacks(call, known.number(), start);
			others.addAll(callbacks);
			others.add(callbacks.get(random.nextInt(callbacks.size())));
		}
		Collections.shuffle(others, random);

		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement lock = connection
				.prepareStatement("select call_sid from call_log where call_sid = ? for update")) {
				lock.setString(1, held.callSid());
				lock.executeQuery().close();
			}
			this.harness.publish(heldCallbacks.get(2));
			this.harness.publish(heldCallbacks.get(1));
			others.forEach(this.harness::publish);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> calls.subList(1, calls.size()).forEach(this::assertLoggedOnce));
			assertThat(storedCallbacks(held.callSid())).isOne();
			connection.rollback();
		}
		this.harness.publish(heldCallbacks.get(3));
		this.harness.publish(heldCallbacks.get(1));

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertLoggedOnce(held));
		assertThat(this.jdbc.sql("select seen_sequences from call_log where call_sid = ?")
			.param(held.callSid())
			.query(Integer.class)
			.single()).isEqualTo(4);
		assertThat(this.jdbc.sql("select count(*) from call_log where call_sid in (:sids)")
			.param("sids", calls.stream().map(ExpectedCall::callSid).toList())
			.query(Long.class)
			.single()).isEqualTo(calls.size());
	}

	/**
	 * {@code calls.events} has no queue yet: each callback's event is returned, counted,
	 * and not logged as a warning (one a callback, 400 a second at issue 19's load).
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void countsTheCallEventNobodyListensToWithoutAWarning(CapturedOutput output) {
		KnownCaller known = knownCallerWithARecentTicket(Duration.ofMinutes(1));
		double unrouted = unroutedCallEvents();
		String callSid = callSid();

		this.harness.publish(status(callSid, null, "ringing", known.number(), OUR_NUMBER, 0, Instant.now(), null));

		await().atMost(Duration.ofSeconds(10)).until(() -> storedCallbacks(callSid) == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> unroutedCallEvents() > unrouted);
		assertThat(output).doesNotContain("Returned message but no callback available");
	}

	private double unroutedCallEvents() {
		return this.meters.counter("switchboard.messages.unrouted", "exchange", Destinations.CALLS_EVENTS).count();
	}

	private void assertLoggedOnce(ExpectedCall call) {
		List<Map<String, @Nullable Object>> logs = this.jdbc
			.sql("select status, duration_seconds, ringing_at, answered_at, seen_sequences, end_note_written, "
					+ "ticket_id from call_log where call_sid = ?")
			.param(call.callSid())
			.query()
			.listOfRows();
		assertThat(logs).as("the log of %s", call.callSid()).hasSize(1);
		Map<String, @Nullable Object> log = logs.get(0);
		assertThat(log).containsEntry("status", call.status())
			.containsEntry("duration_seconds", call.duration())
			.containsEntry("seen_sequences", call.answered() ? 4 : 3)
			.containsEntry("end_note_written", true);
		assertThat(log.get("ringing_at")).isNotNull();
		assertThat(log.get("answered_at") != null).isEqualTo(call.answered());
		List<@Nullable String> endNotes = this.jdbc.sql("select payload from ticket_command where command_id = ?")
			.param(CallNoteIds.of(CallNoteIds.END, call.callSid()))
			.query(String.class)
			.list();
		assertThat(endNotes).hasSize(1);
		assertThat(endNotes.get(0)).contains(call.callSid())
			.contains(call.answered() ? "Inbound call (completed)" : "Missed call from")
			.contains("Duration: " + call.duration() + " s");
		assertThat(storedCallbacks(call.callSid())).isEqualTo(call.answered() ? 4 : 3);
	}

	private long storedCallbacks(String callSid) {
		return this.jdbc.sql("select count(*) from call_callback where call_sid = ?")
			.param(callSid)
			.query(Long.class)
			.single();
	}

	/** A call as Twilio reports it: answered and completed, or not answered. */
	private record ExpectedCall(String callSid, String status, int duration) {

		boolean answered() {
			return "completed".equals(this.status);
		}

	}

	/** The call's callbacks in Twilio's order (sequence numbers 0..n). */
	private List<InboundDelivery> callbacks(ExpectedCall call, String caller, Instant start) {
		List<InboundDelivery> callbacks = new ArrayList<>();
		callbacks.add(status(call.callSid(), null, "initiated", caller, OUR_NUMBER, 0, start, null));
		callbacks.add(status(call.callSid(), null, "ringing", caller, OUR_NUMBER, 1, start.plusSeconds(1), null));
		if (call.answered()) {
			callbacks
				.add(status(call.callSid(), null, "in-progress", caller, OUR_NUMBER, 2, start.plusSeconds(6), null));
		}
		callbacks.add(status(call.callSid(), null, call.status(), caller, OUR_NUMBER, callbacks.size(),
				start.plusSeconds(6 + call.duration()), call.duration()));
		return callbacks;
	}

	@Test
	void addsOneMoreNoteForARecordingThatArrivesAfterTheCallEnded() throws Exception {
		KnownCaller known = knownCallerWithARecentTicket(Duration.ofMinutes(1));
		String caller = known.number();
		String ticketId = known.ticketId();
		String callSid = callSid();
		Instant start = Instant.now().minusSeconds(30);
		this.harness.publish(status(callSid, null, "completed", caller, OUR_NUMBER, 0, start, 20));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(puts(ticketId)).hasSize(1));

		InboundDelivery recording = recording(callSid,
				"https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Recordings/RE0123456789abcdef0123456789abcdef");
		this.harness.publish(recording);
		this.harness.publish(recording);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(puts(ticketId)).hasSize(2));
		assertThat(comment(puts(ticketId).get(1))).contains("Recordings/RE0123456789abcdef0123456789abcdef");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(puts(ticketId)).hasSize(2));
		assertThat(this.json.readTree(api("/api/calls?ticketId=" + ticketId).body()).size()).isEqualTo(1);
	}

	@Test
	void notesAVoicemailAndItsTranscriptionOnceEachAfterTheMissedCall() throws Exception {
		KnownCaller known = knownCallerWithARecentTicket(Duration.ofMinutes(2));
		String caller = known.number();
		String ticketId = known.ticketId();
		String callSid = callSid();
		String voicemailUrl = "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Recordings/RE0123456789abcdef0123456789abcdef";
		// the caller hung up after leaving a message: no agent answered
		this.harness
			.publish(status(callSid, null, "completed", caller, OUR_NUMBER, 0, Instant.now().minusSeconds(60), 0));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(puts(ticketId)).hasSize(1));
		assertThat(comment(puts(ticketId).get(0))).startsWith("Missed call from").doesNotContain("Voicemail");

		InboundDelivery voicemail = recording(callSid, voicemailUrl, "RecordVerb");
		this.harness.publish(voicemail);
		this.harness.publish(voicemail);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(puts(ticketId)).hasSize(2));
		assertThat(comment(puts(ticketId).get(1))).startsWith("Voicemail from")
			.contains("Voicemail (42 s): " + voicemailUrl)
			.doesNotContain("Recording of the call");

		InboundDelivery failed = transcription(callSid, caller, voicemailUrl, "failed", "");
		InboundDelivery transcribed = transcription(callSid, caller, voicemailUrl, "completed",
				"Hi, this is Ada from Acme. Our invoices show the wrong VAT number, please call me back.");
		this.harness.publish(failed);
		this.harness.publish(transcribed);
		this.harness.publish(transcribed);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(puts(ticketId)).hasSize(3));
		assertThat(comment(puts(ticketId).get(2))).startsWith("Voicemail transcription (call " + callSid + "):")
			.contains("Our invoices show the wrong VAT number");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(puts(ticketId)).hasSize(3));

		JsonNode log = this.json.readTree(api("/api/calls/" + callSid).body());
		assertThat(log.path("voicemailUrl").asString()).isEqualTo(voicemailUrl);
		assertThat(log.path("voicemailSeconds").asInt()).isEqualTo(42);
		assertThat(log.path("transcription").asString()).contains("wrong VAT number");
		// a voicemail is not the conversation's recording, and the transcription's
		// CallStatus changed nothing
		assertThat(log.path("recordingUrl").isNull()).isTrue();
		assertThat(log.path("status").asString()).isEqualTo("completed");
		assertThat(log.path("missed").asBoolean()).isTrue();
	}

	@Test
	void putsAVoicemailKnownBeforeTheEndNoteIntoIt() throws Exception {
		KnownCaller known = knownCallerWithARecentTicket(Duration.ofMinutes(2));
		String caller = known.number();
		String ticketId = known.ticketId();
		String callSid = callSid();
		String voicemailUrl = "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Recordings/RE00000000000000000000000000000042";
		Instant start = Instant.now().minusSeconds(90);
		// the voicemail is in before the call's last callback (sequence 1 of 0..1)
		this.harness.publish(status(callSid, null, "ringing", caller, OUR_NUMBER, 0, start, null));
		this.harness.publish(
				transcription(callSid, caller, voicemailUrl, "completed", "Please call me back about order 1234."));
		this.harness.publish(recording(callSid, voicemailUrl, "RecordVerb"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.json.readTree(api("/api/calls/" + callSid).body()).path("transcription").asString())
				.contains("order 1234"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.json.readTree(api("/api/calls/" + callSid).body()).path("voicemailSeconds").asInt())
				.isEqualTo(42));
		this.harness.publish(status(callSid, null, "no-answer", caller, OUR_NUMBER, 1, start.plusSeconds(30), 0));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(puts(ticketId)).hasSize(1));
		assertThat(comment(puts(ticketId).get(0))).startsWith("Missed call from")
			.contains("Voicemail (42 s): " + voicemailUrl)
			.contains("Voicemail transcription:\nPlease call me back about order 1234.");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(puts(ticketId)).hasSize(1));
	}

	@Test
	void logsACallFromANumberTwoUsersShareOnceOnTheMoreRecentTicket() {
		String caller = randomNumber();
		String olderUser = newTicketId();
		String recentUser = newTicketId();
		String olderTicket = newTicketId();
		String recentTicket = newTicketId();
		stubSearch(caller,
				List.of(user(olderUser, "Ada at home", national(caller)), user(recentUser, "Ada at work", caller)));
		stubRequested(olderUser, olderTicket, Instant.now().minus(Duration.ofMinutes(20)));
		stubRequested(recentUser, recentTicket, Instant.now().minus(Duration.ofMinutes(2)));
		stubTicketWrites(olderTicket);
		stubTicketWrites(recentTicket);
		String callSid = callSid();

		this.harness.publish(status(callSid, null, "completed", caller, OUR_NUMBER, 0, Instant.now(), 15));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(puts(recentTicket)).hasSize(1));
		assertThat(puts(olderTicket)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from call_log where call_sid = ?")
			.param(callSid)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void createsAUserAndAMissedCallTicketWithACallBackLinkForAnUnknownCaller() throws Exception {
		String caller = randomNumber();
		String userId = newTicketId();
		String ticketId = newTicketId();
		stubSearch(caller, List.of());
		this.harness.zendesk()
			.register(post(urlEqualTo("/api/v2/users.json"))
				.withRequestBody(matchingJsonPath("$.user.phone", equalTo(caller)))
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody(fixture("zendesk/user-created.json",
							Map.of("userId", userId, "name", caller, "phone", caller)))));
		this.harness.zendesk()
			.register(post(urlEqualTo("/api/v2/tickets.json"))
				.withRequestBody(matchingJsonPath("$.ticket.requester_id", equalTo(userId)))
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody(fixture("zendesk/ticket-updated.json",
							Map.of("ticketId", ticketId, "status", "new", "updatedAt", "2026-11-23T10:05:00Z")))));
		String callSid = callSid();

		this.harness.publish(status(callSid, null, "no-answer", caller, OUR_NUMBER, 0, Instant.now(), 0));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(
							this.harness.zendesk()
								.find(postRequestedFor(urlEqualTo("/api/v2/tickets.json"))
									.withRequestBody(matchingJsonPath("$.ticket.requester_id", equalTo(userId)))))
						.hasSize(1));
		JsonNode ticket = this.json
			.readTree(this.harness.zendesk()
				.find(postRequestedFor(urlEqualTo("/api/v2/tickets.json"))
					.withRequestBody(matchingJsonPath("$.ticket.requester_id", equalTo(userId))))
				.get(0)
				.getBodyAsString())
			.path("ticket");
		assertThat(ticket.path("subject").asString()).startsWith("Missed call from +1 ");
		assertThat(this.harness.zendesk()
			.find(postRequestedFor(urlEqualTo("/api/v2/tickets.json")).withHeader("Idempotency-Key",
					equalTo("switchboard-call-" + callSid))))
			.hasSize(1);
		assertThat(ticket.path("comment").path("body").asString()).contains("tel:" + caller);
		assertThat(ticket.path("comment").path("public").asBoolean()).isFalse();
		JsonNode log = this.json.readTree(api("/api/calls/" + callSid).body());
		assertThat(log.path("ticketId").asString()).isEqualTo(ticketId);
		assertThat(log.path("missed").asBoolean()).isTrue();
	}

	@Test
	void logsAWithheldCallerOnANewTicketWithoutARequester() {
		String ticketId = newTicketId();
		String callSid = callSid();
		this.harness.zendesk()
			.register(post(urlEqualTo("/api/v2/tickets.json"))
				.withHeader("Idempotency-Key", equalTo("switchboard-call-" + callSid))
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody(fixture("zendesk/ticket-updated.json",
							Map.of("ticketId", ticketId, "status", "new", "updatedAt", "2026-11-23T10:05:00Z")))));

		this.harness.publish(status(callSid, null, "completed", "anonymous", OUR_NUMBER, 0, Instant.now(), 33));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.zendesk()
				.find(postRequestedFor(urlEqualTo("/api/v2/tickets.json")).withHeader("Idempotency-Key",
						equalTo("switchboard-call-" + callSid))))
				.hasSize(1));
		JsonNode ticket = this.json
			.readTree(this.harness.zendesk()
				.find(postRequestedFor(urlEqualTo("/api/v2/tickets.json")).withHeader("Idempotency-Key",
						equalTo("switchboard-call-" + callSid)))
				.get(0)
				.getBodyAsString())
			.path("ticket");
		assertThat(ticket.path("subject").asString()).isEqualTo("Call from a withheld number");
		assertThat(ticket.has("requester_id")).isFalse();
		assertThat(ticket.path("comment").path("body").asString()).contains("Duration: 33 s")
			.contains("From: withheld");
	}

	@Test
	void parksACallbackWhileTheHelpdeskIsRateLimitedAndNotesTheCallOnceItRecovers() {
		String caller = randomNumber();
		String userId = newTicketId();
		String ticketId = newTicketId();
		// the first two searches (the callback and its redelivery) are refused with
		// Retry-After: 1, then Zendesk answers again
		ResponseDefinitionBuilder limited = aResponse().withStatus(429)
			.withHeader("Retry-After", "1")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"APIRateLimitExceeded\"}");
		stubSearchFailingFirst(caller, List.of(user(userId, "Ada Customer", caller)), List.of(limited, limited));
		stubRequested(userId, ticketId, Instant.now().minus(Duration.ofMinutes(3)));
		stubTicketWrites(ticketId);

		assertParkedAndNotedOnce(caller, ticketId, true);
	}

	@Test
	void parksACallbackWhileTheHelpdeskFailsLongerThanTheAdaptersRetriesAndNotesTheCallOnceItRecovers() {
		String caller = randomNumber();
		String userId = newTicketId();
		String ticketId = newTicketId();
		// more 503s than the adapter's three attempts
		List<ResponseDefinitionBuilder> outage = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			outage.add(aResponse().withStatus(503).withBody("Service Unavailable"));
		}
		stubSearchFailingFirst(caller, List.of(user(userId, "Ada Customer", caller)), outage);
		stubRequested(userId, ticketId, Instant.now().minus(Duration.ofMinutes(3)));
		stubTicketWrites(ticketId);

		assertParkedAndNotedOnce(caller, ticketId, false);
	}

	/**
	 * @param redeliverWhileParked whether the broker delivers the callback again while it
	 * is parked (and the helpdesk still refuses): it is parked once
	 */
	private void assertParkedAndNotedOnce(String caller, String ticketId, boolean redeliverWhileParked) {
		double parkedBefore = this.meters.counter("switchboard.deliveries.parked", "provider", "twilio").count();
		double resumedBefore = this.meters.counter("switchboard.deliveries.resumed", "provider", "twilio").count();
		String callSid = callSid();
		InboundDelivery completed = status(callSid, null, "completed", caller, OUR_NUMBER, 0,
				Instant.now().minusSeconds(40), 25);

		this.harness.publish(completed);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.meters.counter("switchboard.deliveries.parked", "provider", "twilio").count())
						.isGreaterThan(parkedBefore));
		if (redeliverWhileParked) {
			assertThat(parkedRows(completed)).isOne();
			this.harness.publish(completed);
		}
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(puts(ticketId)).hasSize(1));
		assertThat(comment(puts(ticketId).get(0))).contains(callSid).contains("Duration: 25 s");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(parkedRows(completed)).isZero());
		assertThat(this.meters.counter("switchboard.deliveries.resumed", "provider", "twilio").count())
			.isGreaterThan(resumedBefore);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(puts(ticketId)).hasSize(1));
		assertThat(parkedRows(completed)).isZero();
		assertThat(this.meters.counter("switchboard.deliveries.parked", "provider", "twilio").count())
			.isEqualTo(parkedBefore + 1);
		assertThat(deadLettered(completed)).isFalse();
		assertThat(this.jdbc.sql("select count(*) from call_log where call_sid = ?")
			.param(callSid)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long parkedRows(InboundDelivery delivery) {
		return this.jdbc.sql("select count(*) from parked_delivery where event_id = ?")
			.param(delivery.eventId().toString())
			.query(Long.class)
			.single();
	}

	/** Whether the delivery is in the DLQ of crm-bridge's inbound queue. */
	private boolean deadLettered(InboundDelivery delivery) {
		String dlq = Destinations.deadLetterQueue(Destinations.WEBHOOKS_INBOUND, ServiceNames.CRM_BRIDGE);
		boolean found = false;
		Message message;
		while ((message = this.rabbit.receive(dlq, 200)) != null) {
			found |= delivery.eventId().toString().equals(message.getMessageProperties().getMessageId());
		}
		return found;
	}

	/**
	 * The caller's search answered with the failures first (one request each), then with
	 * the users.
	 */
	private void stubSearchFailingFirst(String caller, List<String> users, List<ResponseDefinitionBuilder> failures) {
		String scenario = "search " + caller;
		String state = Scenario.STARTED;
		for (int i = 0; i < failures.size(); i++) {
			String next = "failed " + (i + 1);
			this.harness.zendesk()
				.register(get(urlPathEqualTo("/api/v2/search.json"))
					.withQueryParam("query", equalTo("role:end-user phone:*" + caller.substring(2)))
					.inScenario(scenario)
					.whenScenarioStateIs(state)
					.willReturn(failures.get(i))
					.willSetStateTo(next));
			state = next;
		}
		this.harness.zendesk()
			.register(get(urlPathEqualTo("/api/v2/search.json"))
				.withQueryParam("query", equalTo("role:end-user phone:*" + caller.substring(2)))
				.inScenario(scenario)
				.whenScenarioStateIs(state)
				.willReturn(okJson(fixture("zendesk/search-users.json",
						Map.of("users", String.join(",", users), "count", Integer.toString(users.size()))))));
	}

	@Test
	void answersAnUnknownCallWithAProblem() throws Exception {
		HttpResponse<String> response = api("/api/calls/CA00000000000000000000000000000000");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private HttpResponse<String> api(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-Switchboard-Internal-Token", "test-internal-token-0123456789")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private List<LoggedRequest> puts(String ticketId) {
		return this.harness.zendesk().find(putRequestedFor(urlEqualTo("/api/v2/tickets/" + ticketId + ".json")));
	}

	private String comment(LoggedRequest request) {
		return this.json.readTree(request.getBodyAsString()).path("ticket").path("comment").path("body").asString();
	}

	private void stubSearch(String caller, List<String> users) {
		this.harness.zendesk()
			.register(get(urlPathEqualTo("/api/v2/search.json"))
				.withQueryParam("query", equalTo("role:end-user phone:*" + caller.substring(2)))
				.willReturn(okJson(fixture("zendesk/search-users.json",
						Map.of("users", String.join(",", users), "count", Integer.toString(users.size()))))));
	}

	private void stubRequested(String userId, String ticketId, Instant updatedAt) {
		this.harness.zendesk()
			.register(get(urlPathEqualTo("/api/v2/users/" + userId + "/tickets/requested.json"))
				.willReturn(okJson(fixture("zendesk/requested-tickets.json",
						Map.of("userId", userId, "ticketId", ticketId, "updatedAt", updatedAt.toString())))));
	}

	private void stubTicketWrites(String ticketId) {
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket.json",
						Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:00:00Z")))));
		this.harness.zendesk()
			.register(put(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket-updated.json",
						Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:05:00Z")))));
	}

	/**
	 * A caller one helpdesk user has, whose unsolved ticket was updated that long ago.
	 */
	private KnownCaller knownCallerWithARecentTicket(Duration updatedAgo) {
		String caller = randomNumber();
		String userId = newTicketId();
		String ticketId = newTicketId();
		stubSearch(caller, List.of(user(userId, "Ada Customer", caller)));
		stubRequested(userId, ticketId, Instant.now().minus(updatedAgo));
		stubTicketWrites(ticketId);
		return new KnownCaller(caller, ticketId);
	}

	private record KnownCaller(String number, String ticketId) {
	}

	private static String user(String userId, String name, String phone) {
		return fixture("zendesk/search-user.json",
				Map.of("userId", userId, "name", name, "email", "ada." + userId + "@example.com", "phone", phone));
	}

	private InboundDelivery status(String callSid, @Nullable String parentCallSid, String status, String from,
			String to, int sequence, Instant at, @Nullable Integer duration) {
		String body = fixture("twilio/status-callback.form", Map.ofEntries(Map.entry("callSid", callSid),
				Map.entry("status", status), Map.entry("from", form(from)), Map.entry("to", form(to)),
				Map.entry("direction", (parentCallSid != null) ? "outbound-dial" : "inbound"),
				Map.entry("timestamp", form(RFC_1123.format(at))), Map.entry("sequence", Integer.toString(sequence)),
				Map.entry("duration", (duration != null) ? duration.toString() : ""),
				Map.entry("minutes", (duration != null) ? "1" : ""), Map.entry("sip", "200"),
				Map.entry("parent", (parentCallSid != null) ? "&ParentCallSid=" + parentCallSid : "")));
		return twilio("call-status", body);
	}

	private InboundDelivery recording(String callSid, String url) {
		return recording(callSid, url, "DialVerb");
	}

	/** {@code RecordVerb}: a voicemail; {@code DialVerb}: the conversation. */
	private InboundDelivery recording(String callSid, String url, String source) {
		return twilio("recording-status",
				fixture("twilio/recording-callback.form", Map.of("callSid", callSid, "recordingUrl", form(url),
						"timestamp", form(RFC_1123.format(Instant.now())), "source", source, "seconds", "42")));
	}

	private InboundDelivery transcription(String callSid, String from, String url, String status, String text) {
		return twilio("recording-status",
				fixture("twilio/transcription-callback.form",
						Map.of("callSid", callSid, "recordingUrl", form(url), "from", form(from), "to",
								form(OUR_NUMBER), "status", status, "text", form(text), "callbackUrl",
								form("https://switchboard.example.com/webhooks/twilio"))));
	}

	private InboundDelivery twilio(String event, String body) {
		String token = UUID.randomUUID().toString();
		return InboundDelivery.of("corr-" + token, Provider.TWILIO, event, token, Instant.now(),
				Map.of("i-twilio-idempotency-token", token, "content-type", "application/x-www-form-urlencoded"),
				body.getBytes(StandardCharsets.UTF_8));
	}

	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String callSid() {
		return "CA" + UUID.randomUUID().toString().replace("-", "");
	}

	/** A valid US number no other test uses: +1 415 55x xxxx. */
	private static String randomNumber() {
		return "+1415" + (5_000_000 + new Random().nextInt(999_999));
	}

	/** The same number as a US helpdesk user might have typed it: (415) 5xx-xxxx. */
	private static String national(String e164) {
		String digits = e164.substring(2);
		return "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
	}

}
