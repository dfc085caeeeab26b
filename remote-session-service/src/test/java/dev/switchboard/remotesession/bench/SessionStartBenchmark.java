package dev.switchboard.remotesession.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.remotesession.RemoteSessionFixtures.fixture;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newSessionCode;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newTicketId;
import static dev.switchboard.remotesession.RemoteSessionFixtures.startBody;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Benchmark, not a test: prints the latency of {@code POST /api/sessions} for TeamViewer
 * next to the fake vendor's own latency, on the real broker and database, and asserts no
 * timing (a start that does not answer 201 stops it). Its name matches neither surefire's
 * default includes nor failsafe's, so {@code ./mvnw verify} never runs it. Run (what
 * {@code ./switchboard bench session-start} runs):
 * {@code ./mvnw -B -o test -pl remote-session-service -Dtest=SessionStartBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * with, optionally, {@code -Dbench.runs=100} (measured starts),
 * {@code -Dbench.warm-up=20} (starts before measuring) and
 * {@code -Dbench.vendor-delay-ms=50} (the fake TeamViewer's answer time).
 */
@RemoteSessionIntegrationTest
class SessionStartBenchmark {

	private static final int VENDOR_DELAY_MILLIS = Integer.getInteger("bench.vendor-delay-ms", 50);

	private static final int WARM_UP = Integer.getInteger("bench.warm-up", 20);

	private static final int RUNS = Integer.getInteger("bench.runs", 100);

	@Autowired
	RemoteSessionHarness harness;

	@Value("${remote-session.teamviewer.base-url}")
	String vendorUrl;

	@Test
	void printsSessionStartLatencyOverVendorLatency() throws Exception {
		if (RUNS < 1 || WARM_UP < 0 || VENDOR_DELAY_MILLIS < 0) {
			throw new IllegalArgumentException(
					"bench.runs must be at least 1, bench.warm-up and " + "bench.vendor-delay-ms at least 0");
		}
		// every start gets its own ticket and session code (codes are unique)
		List<Long> vendor = new ArrayList<>();
		List<Long> starts = new ArrayList<>();
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < WARM_UP + RUNS; i++) {
			String ticketId = newTicketId();
			String code = newSessionCode();
			this.harness.teamviewer()
				.register(
						post(urlPathEqualTo("/api/v1/sessions")).withRequestBody(containing("Ticket " + ticketId + " "))
							.willReturn(okJson(fixture("teamviewer/session-created.json",
									Map.of("code", code, "description", "Ticket " + ticketId)))
								.withFixedDelay(VENDOR_DELAY_MILLIS)));
			long vendorStart = System.nanoTime();
			http.send(HttpRequest.newBuilder(URI.create(this.vendorUrl + "/api/v1/sessions"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"Ticket " + ticketId + " probe\"}"))
				.build(), HttpResponse.BodyHandlers.discarding());
			long vendorNanos = System.nanoTime() - vendorStart;
			long start = System.nanoTime();
			HttpResponse<String> response = this.harness.api("POST", "/api/sessions",
					startBody(ticketId, "teamviewer", "bench@example.com"));
			long startNanos = System.nanoTime() - start;
			if (response.statusCode() != 201) {
				throw new IllegalStateException("start answered " + response.statusCode() + ": " + response.body());
			}
			if (i >= WARM_UP) {
				vendor.add(vendorNanos);
				starts.add(startNanos);
			}
		}
		long vendorMedian = median(vendor);
		long startMedian = median(starts);
		String report = String.format(
				"%nsession start benchmark (%d runs after %d warm-up, fake TeamViewer delay %d ms)%n"
						+ "  fake vendor latency  median %6.1f ms  p95 %6.1f ms%n"
						+ "  session start        median %6.1f ms  p95 %6.1f ms%n"
						+ "  start / vendor       median %6.2f%n",
				RUNS, WARM_UP, VENDOR_DELAY_MILLIS, vendorMedian / 1e6, percentile(vendor, 95) / 1e6, startMedian / 1e6,
				percentile(starts, 95) / 1e6, (double) startMedian / vendorMedian);
		System.out.println(report);
		// one line per figure for ./switchboard bench all (figure, name, value, unit,
		// target)
		System.out.printf(Locale.ROOT, "figure\tsession-start.median\t%.3f\tms\t%n", startMedian / 1e6);
		System.out.printf(Locale.ROOT, "figure\tsession-start.p95\t%.3f\tms\t%n", percentile(starts, 95) / 1e6);
		System.out.printf(Locale.ROOT, "figure\tsession-start.start-to-vendor\t%.3f\tx\t%n",
				(double) startMedian / vendorMedian);
	}

	private static long median(List<Long> values) {
		return percentile(values, 50);
	}

	private static long percentile(List<Long> values, int percentile) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
	}

}
