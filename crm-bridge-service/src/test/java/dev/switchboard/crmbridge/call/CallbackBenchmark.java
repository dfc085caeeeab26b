package dev.switchboard.crmbridge.call;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.crmbridge.CrmBridgeIntegrationTest;
import dev.switchboard.crmbridge.Harness;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.switchboard.crmbridge.Fixtures.fixture;
import static dev.switchboard.crmbridge.Fixtures.newTicketId;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark, not a test: a runner that prints figures and asserts none. Its name matches
 * neither surefire's includes ({@code *Test}, {@code *Tests}, {@code Test*},
 * {@code *TestCase}) nor failsafe's ({@code *IntegrationTests}, {@code *SystemTests}), so
 * no default run starts it. It publishes {@code bench.calls} calls × 4 status callbacks
 * in shuffled order to {@code webhooks.inbound} as the gateway does (real RabbitMQ and
 * PostgreSQL, Zendesk faked), and prints callbacks/s accepted by the broker, callbacks/s
 * processed (stored), and the p50/p99 from gateway receipt ({@code receivedAt}) to the
 * callback stored with its call log. Run ({@code ./switchboard bench callbacks} runs the
 * same):
 *
 * <pre>
 * ./mvnw -B -o test -pl crm-bridge-service -Dtest=CallbackBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.calls=500
 * </pre>
 */
@CrmBridgeIntegrationTest
class CallbackBenchmark {

	private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private final Map<String, Long> sent = new ConcurrentHashMap<>();

	@Autowired
	Harness harness;

	@Autowired
	JdbcClient jdbc;

	@Test
	void processesShuffledCallbacksAndPrintsThroughputAndLatency() {
		int calls = Integer.getInteger("bench.calls", 200);
		String ticketId = newTicketId();
		String userId = newTicketId();
		this.harness.zendesk()
			.register(
					get(urlPathEqualTo("/api/v2/search.json")).willReturn(okJson(fixture("zendesk/search-users.json",
							Map.of("users", fixture("zendesk/search-user.json", Map.of("userId", userId, "name",
									"Bench Caller", "email", "bench@example.com", "phone", "+14155550142")), "count",
									"1")))));
		this.harness.zendesk()
			.register(get(urlPathMatching("/api/v2/users/.*/tickets/requested.json"))
				.willReturn(okJson(fixture("zendesk/requested-tickets.json",
						Map.of("userId", userId, "ticketId", ticketId, "updatedAt", Instant.now().toString())))));
		this.harness.zendesk()
			.register(get(urlMatching("/api/v2/tickets/.*")).willReturn(okJson(fixture("zendesk/ticket.json",
					Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:00:00Z")))));
		this.harness.zendesk()
			.register(put(urlMatching("/api/v2/tickets/.*")).willReturn(okJson(fixture("zendesk/ticket-updated.json",
					Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:05:00Z")))));
		List<String> sids = new ArrayList<>();
		List<InboundDelivery> callbacks = new ArrayList<>();
		Instant start = Instant.now().minusSeconds(120);
		for (int i = 0; i < calls; i++) {
			String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
			sids.add(sid);
			String[] statuses = { "initiated", "ringing", "in-progress", "completed" };
			for (int sequence = 0; sequence < statuses.length; sequence++) {
				callbacks.add(callback(sid, statuses[sequence], sequence, start.plusSeconds(sequence * 5L)));
			}
		}
		Collections.shuffle(callbacks, new Random(42));
		long began = System.nanoTime();
		for (InboundDelivery callback : callbacks) {
			publishTimed(InboundDelivery.of(callback.correlationId(), Provider.TWILIO, callback.eventType(),
					callback.deliveryId(), Instant.now(), callback.headers(), callback.body()));
		}
		double publishSeconds = (System.nanoTime() - began) / 1e9;
		await().atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> stored(sids) >= callbacks.size());
		double processSeconds = (System.nanoTime() - began) / 1e9;
		List<Long> latencies = latencies(sids);
		System.out.printf("%nCallbackBenchmark: %d calls, %d callbacks%n", calls, callbacks.size());
		System.out.printf("  accepted by the broker: %.0f callbacks/s%n", callbacks.size() / publishSeconds);
		System.out.printf("  processed and stored:   %.0f callbacks/s%n", callbacks.size() / processSeconds);
		System.out.printf("  receipt -> stored: p50 %d ms, p99 %d ms, max %d ms%n%n", percentile(latencies, 50),
				percentile(latencies, 99), latencies.get(latencies.size() - 1));
		// one line per figure for ./switchboard bench all (figure, name, value, unit,
		// target)
		System.out.printf(Locale.ROOT, "figure\tcallbacks.accepted-rate\t%.3f\t/s\t%n",
				callbacks.size() / publishSeconds);
		System.out.printf(Locale.ROOT, "figure\tcallbacks.processed-rate\t%.3f\t/s\t>= accepted%n",
				callbacks.size() / processSeconds);
		System.out.printf(Locale.ROOT, "figure\tcallbacks.receipt-to-stored-p99\t%d\tms\t<= 2000%n",
				percentile(latencies, 99));
	}

	private long stored(List<String> sids) {
		return this.jdbc.sql("select count(*) from call_callback where call_sid in (:sids)")
			.param("sids", sids)
			.query(Long.class)
			.single();
	}

	private List<Long> latencies(List<String> sids) {
		List<Long> latencies = new ArrayList<>(this.jdbc
			.sql("select c.idempotency_token, c.received_at from call_callback c where c.call_sid in (:sids)")
			.param("sids", sids)
			.query((rs, row) -> rs.getTimestamp(2).toInstant().toEpochMilli() - sentAt(rs.getString(1)))
			.list());
		Collections.sort(latencies);
		return latencies;
	}

	private long sentAt(String token) {
		return this.sent.getOrDefault(token, 0L);
	}

	private void publishTimed(InboundDelivery delivery) {
		this.sent.put(delivery.deliveryId(), delivery.receivedAt().toEpochMilli());
		this.harness.publish(delivery);
	}

	private static long percentile(List<Long> sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	private InboundDelivery callback(String sid, String status, int sequence, Instant at) {
		String body = "AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=2010-04-01&CallSid=" + sid
				+ "&CallStatus=" + status + "&Direction=inbound&From=%2B14155550142&To=%2B18005551212"
				+ ("completed".equals(status) ? "&CallDuration=30" : "") + "&SequenceNumber=" + sequence + "&Timestamp="
				+ URLEncoder.encode(RFC_1123.format(at), StandardCharsets.UTF_8)
				+ "&CallbackSource=call-progress-events";
		String token = UUID.randomUUID().toString();
		return InboundDelivery.of("corr-" + token, Provider.TWILIO, "call-status", token, Instant.now(),
				Map.of("i-twilio-idempotency-token", token), body.getBytes(StandardCharsets.UTF_8));
	}

}
