package dev.switchboard.crmbridge.call;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.crmbridge.CrmBridgeIntegrationTest;
import dev.switchboard.crmbridge.Harness;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

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
 * no default run starts it. Issue 19's load, after {@code bench.warmup} calls (500) of
 * the same load that are not measured: {@code bench.rate} calls a second (100) for
 * {@code bench.calls} calls (2,000, i.e. 20 s), each with its 4 status callbacks
 * (initiated, ringing, in-progress, completed) published to {@code webhooks.inbound} as
 * the gateway does, paced, not in a burst: call {@code i} starts at {@code i / rate}, its
 * callbacks 400 ms apart plus up to 600 ms of jitter each, so a call's callbacks arrive
 * out of order about as often as Twilio's do and several calls' callbacks interleave
 * (real RabbitMQ and PostgreSQL, Zendesk faked by WireMock). Prints the rate the broker
 * acknowledged (what the gateway answers 2xx on), the rate crm-bridge processed them at
 * (over the span of their stored times, so keeping up gives the same figure), the p50/p99
 * from gateway receipt ({@code receivedAt}) to the callback stored with its call log
 * ({@code call_callback.received_at}: when the transaction that applies it took it up),
 * and the helpdesk requests the run caused against what the budget allowed
 * ({@code crm-bridge.commands.requests-per-minute}: 200 as in production, unless
 * {@code -Dbench.budget} says otherwise; calls not noted by the end wait for it). Run
 * ({@code ./switchboard bench calls} runs the same):
 *
 * <pre>
 * ./mvnw -B -o test -pl crm-bridge-service -Dtest=CallbackBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.calls=2000 -Dbench.rate=100
 * </pre>
 */
@CrmBridgeIntegrationTest
// the fakes' request log (several lines a request) would cost the JVM the bridge runs in
// more than the bridge itself
// the helpdesk budget of a production default (200 requests a minute; -Dbench.budget),
// not
// the test context's 100,000: the load is measured within the budget
@TestPropertySource(
		properties = { "logging.level.WireMock=warn", "crm-bridge.commands.requests-per-minute=${bench.budget:200}" })
class CallbackBenchmark {

	private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private static final String[] STATUSES = { "initiated", "ringing", "in-progress", "completed" };

	private final Map<String, Long> sent = new ConcurrentHashMap<>();

	@Autowired
	Harness harness;

	@Autowired
	JdbcClient jdbc;

	@Value("${crm-bridge.commands.requests-per-minute}")
	int budgetPerMinute;

	@Value("${spring.cloud.stream.bindings.inboundDeliveries-in-0.consumer.concurrency:1}")
	int consumers;

	@Test
	void processesPacedCallbacksAndPrintsThroughputAndLatency() {
		int calls = Integer.getInteger("bench.calls", 2000);
		int rate = Integer.getInteger("bench.rate", 100);
		int warmUp = Integer.getInteger("bench.warmup", 500);
		stubZendesk();
		int helpdeskBefore = helpdeskRequests();
		long warmUpBegan = System.nanoTime();
		// the same load for bench.warmup calls first, not measured: a freshly started JVM
		// runs interpreted code for its first seconds, and the backlog they leave would
		// be counted against every later callback
		List<String> warmUpSids = new ArrayList<>();
		List<Scheduled> warmUpSchedule = schedule(warmUp, rate, warmUpSids);
		publish(warmUpSchedule, warmUpSids);

		List<String> sids = new ArrayList<>();
		List<Scheduled> schedule = schedule(calls, rate, sids);
		long began = System.nanoTime();
		double publishSeconds = publish(schedule, sids);
		double untilStoredSeconds = (System.nanoTime() - began) / 1e9;
		int helpdesk = helpdeskRequests() - helpdeskBefore;
		double helpdeskSeconds = (System.nanoTime() - warmUpBegan) / 1e9;
		long noted = noted(sids);

		List<Stored> stored = stored(sids, schedule.size());
		List<Long> latencies = stored.stream().map(Stored::latencyMillis).sorted().toList();
		double storedSpan = (stored.stream().mapToLong(Stored::storedAt).max().orElseThrow()
				- stored.stream().mapToLong(Stored::storedAt).min().orElseThrow()) / 1000.0;
		double accepted = schedule.size() / publishSeconds;
		double processed = schedule.size() / Math.max(storedSpan, 0.001);
		// the budget's bucket starts full (a minute's requests) and refills evenly
		// (warm-up included: it spends from the same budget)
		double allowed = this.budgetPerMinute * (1 + helpdeskSeconds / 60);
		System.out.printf("%nCallbackBenchmark: %d calls at %d calls/s, %d callbacks, %d consumer(s), after %d calls "
				+ "of warm-up%n", calls, rate, schedule.size(), this.consumers, warmUp);
		System.out.printf("  acknowledged by the broker: %.0f callbacks/s over %.1f s%n", accepted, publishSeconds);
		System.out.printf(
				"  processed and stored:       %.0f callbacks/s (all stored %.1f s after the first publish)%n",
				processed, untilStoredSeconds);
		System.out.printf("  receipt -> stored: p50 %d ms, p99 %d ms, max %d ms%n", percentile(latencies, 50),
				percentile(latencies, 99), latencies.get(latencies.size() - 1));
		System.out.printf("  helpdesk requests: %d (%.1f a call), the budget allowed %.0f in that time (a full "
				+ "bucket of crm-bridge.commands.requests-per-minute=%d, refilled evenly); calls noted by then: %d "
				+ "of %d (the others wait for the budget)%n%n", helpdesk, (double) helpdesk / (calls + warmUp), allowed,
				this.budgetPerMinute, noted, calls);
		// one line per figure for ./switchboard bench all (figure, name, value, unit,
		// target)
		System.out.printf(Locale.ROOT, "figure\tcalls.acknowledged-rate\t%.3f\t/s\t%n", accepted);
		System.out.printf(Locale.ROOT, "figure\tcalls.processed-rate\t%.3f\t/s\t>= acknowledged%n", processed);
		System.out.printf(Locale.ROOT, "figure\tcalls.receipt-to-stored-p99\t%d\tms\t<= 2000%n",
				percentile(latencies, 99));
		System.out.printf(Locale.ROOT, "figure\tcalls.helpdesk-requests-to-budget\t%.3f\tx\t<= 1%n",
				helpdesk / allowed);
	}

	/**
	 * Every call's callbacks in the order they are published: call {@code i} starts at
	 * {@code i / rate}; its callback {@code k} follows at {@code k} × 400 ms plus up to
	 * 600 ms of jitter.
	 */
	private List<Scheduled> schedule(int calls, int rate, List<String> sids) {
		Random random = new Random(42);
		List<Scheduled> schedule = new ArrayList<>();
		Instant start = Instant.now().minusSeconds(120);
		for (int i = 0; i < calls; i++) {
			String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
			sids.add(sid);
			long callStart = i * 1_000_000_000L / rate;
			for (int sequence = 0; sequence < STATUSES.length; sequence++) {
				long at = callStart + sequence * 400_000_000L + random.nextLong(600_000_000L);
				schedule.add(new Scheduled(at,
						callback(sid, STATUSES[sequence], sequence, start.plusSeconds(sequence * 5L))));
			}
		}
		schedule.sort(Comparator.comparingLong(Scheduled::sendAfterNanos));
		return schedule;
	}

	/**
	 * Publishes on schedule, then waits until every callback is stored.
	 * @return the seconds publishing took
	 */
	private double publish(List<Scheduled> schedule, List<String> sids) {
		long began = System.nanoTime();
		for (Scheduled next : schedule) {
			long wait = began + next.sendAfterNanos() - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			publishTimed(next.callback());
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		await().atMost(Duration.ofMinutes(15))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> stored(sids) >= schedule.size());
		return seconds;
	}

	private void stubZendesk() {
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
	}

	private int helpdeskRequests() {
		return this.harness.zendesk().find(RequestPatternBuilder.allRequests()).size();
	}

	private long noted(List<String> sids) {
		return this.jdbc.sql("select count(*) from call_log where call_sid in (:sids) and end_note_written")
			.param("sids", sids)
			.query(Long.class)
			.single();
	}

	private long stored(List<String> sids) {
		return this.jdbc.sql("select count(*) from call_callback where call_sid in (:sids)")
			.param("sids", sids)
			.query(Long.class)
			.single();
	}

	private List<Stored> stored(List<String> sids, int expected) {
		List<Stored> stored = this.jdbc
			.sql("select c.idempotency_token, c.received_at from call_callback c where c.call_sid in (:sids)")
			.param("sids", sids)
			.query((rs, row) -> new Stored(this.sent.getOrDefault(rs.getString(1), 0L),
					rs.getTimestamp(2).toInstant().toEpochMilli()))
			.list();
		if (stored.size() != expected) {
			throw new IllegalStateException(stored.size() + " callbacks stored, " + expected + " published");
		}
		return stored;
	}

	private void publishTimed(InboundDelivery callback) {
		// receivedAt: when the gateway would have received it, i.e. now
		InboundDelivery delivery = InboundDelivery.of(callback.correlationId(), Provider.TWILIO, callback.eventType(),
				callback.deliveryId(), Instant.now(), callback.headers(), callback.body());
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

	/** A callback and when to publish it, counted from the first publish. */
	private record Scheduled(long sendAfterNanos, InboundDelivery callback) {
	}

	/** A stored callback: when it was published and when it was taken up. */
	private record Stored(long sentAt, long storedAt) {

		long latencyMillis() {
			return this.storedAt - this.sentAt;
		}

	}

}
