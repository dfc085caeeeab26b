package dev.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.signatures.GithubSignature;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway with a small heap ({@code -Xmx256m}, exiting on an
 * OutOfMemoryError as the launcher and the image run it) under 200 concurrent unsigned 5
 * MB deliveries (a signature header that does not match, so each body must be read to
 * refuse it; half with a Content-Length, half chunked): it stays up, and a signed
 * delivery sent while the flood runs and one sent after are both accepted. Prints the
 * peak heap the gateway reported meanwhile.
 */
class GatewayFloodSystemTests {

	private static final String SECRET = "flood-secret-" + UUID.randomUUID();

	private static final int FLOOD = 200;

	private static final int BODY = 5 * 1024 * 1024;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Test
	void aSmallGatewayOutlivesAFloodOfLargeUnsignedBodiesAndStillAcceptsSignedDeliveries() throws Exception {
		try (ServiceProcess gateway = ServiceProcess.start("gateway",
				ServiceProcess.env("GATEWAY_WEBHOOKS_GITHUB_SECRET", SECRET),
				List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"))) {
			byte[] junk = ("{\"padding\":\"" + "x".repeat(BODY - 16) + "\"}").getBytes(StandardCharsets.UTF_8);
			AtomicLong peakHeap = new AtomicLong();
			AtomicBoolean flooding = new AtomicBoolean(true);
			Map<String, Integer> outcomes = new TreeMap<>();
			int during;
			try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
				threads.submit(() -> sampleHeap(gateway, peakHeap, flooding));
				List<Future<String>> flood = new ArrayList<>();
				for (int i = 0; i < FLOOD; i++) {
					boolean chunked = (i % 2 == 1);
					flood.add(threads.submit(() -> unsigned(gateway, junk, chunked)));
				}
				Thread.sleep(500);
				during = signed(gateway, "during-" + UUID.randomUUID());
				for (Future<String> sent : flood) {
					outcomes.merge(sent.get(), 1, Integer::sum);
				}
				flooding.set(false);
			}
			int after = signed(gateway, "after-" + UUID.randomUUID());

			System.out.printf(
					"Flood of %d unsigned %d MB bodies against -Xmx256m: %s; peak heap %.1f MB; "
							+ "signed during %d, after %d%n",
					FLOOD, BODY / (1024 * 1024), outcomes, peakHeap.get() / (1024.0 * 1024), during, after);
			assertThat(gateway.alive()).as("the gateway is still running, see " + gateway.log()).isTrue();
			assertThat(during).as("a signed delivery sent during the flood").isEqualTo(202);
			assertThat(after).as("a signed delivery sent after the flood").isEqualTo(202);
			assertThat(outcomes.keySet()).as("every unsigned one refused")
				.isSubsetOf("401", "503", "connection closed");
			assertThat(outcomes.getOrDefault("401", 0)).as("some were read and refused").isPositive();
		}
	}

	private String unsigned(ServiceProcess gateway, byte[] body, boolean chunked) {
		HttpRequest.BodyPublisher publisher = chunked
				? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
				: HttpRequest.BodyPublishers.ofByteArray(body);
		try {
			HttpResponse<Void> answer = this.http.send(
					webhook(gateway, "flood-" + UUID.randomUUID(), "sha256=" + "0".repeat(64), publisher),
					HttpResponse.BodyHandlers.discarding());
			return Integer.toString(answer.statusCode());
		}
		catch (IOException ex) {
			// the gateway may close a connection whose body it refused to read
			return "connection closed";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private int signed(ServiceProcess gateway, String deliveryId) throws Exception {
		byte[] body = ("{\"action\":\"opened\",\"issue\":{\"id\":1,\"number\":1},\"delivery\":\"" + deliveryId + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		return this.http
			.send(webhook(gateway, deliveryId, sign(body), HttpRequest.BodyPublishers.ofByteArray(body)),
					HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	private static HttpRequest webhook(ServiceProcess gateway, String deliveryId, String signature,
			HttpRequest.BodyPublisher body) {
		return HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/webhooks/github"))
			.timeout(Duration.ofSeconds(120))
			.header("X-GitHub-Event", "issues")
			.header("X-GitHub-Delivery", deliveryId)
			.header("X-Hub-Signature-256", signature)
			.header("Content-Type", "application/json")
			.POST(body)
			.build();
	}

	private static String sign(byte[] body) {
		return GithubSignature.sign(SECRET, body);
	}

	private static Void sampleHeap(ServiceProcess gateway, AtomicLong peak, AtomicBoolean running)
			throws InterruptedException {
		while (running.get()) {
			try {
				long used = 0;
				for (String line : gateway.prometheus().split("\n")) {
					if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
						used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
					}
				}
				peak.accumulateAndGet(used, Math::max);
			}
			catch (IOException ex) {
				// not answering right now: the next sample will tell
			}
			Thread.sleep(100);
		}
		return null;
	}

}
