package dev.switchboard.gateway.console;

import static dev.switchboard.gateway.console.ConsoleClient.csrfOf;
import static dev.switchboard.gateway.console.ConsoleClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bulk replay in the console over HTTP: the estimate before anything starts (escaped),
 * Start only with the session's CSRF token, the job's page with its progress and result,
 * one running job per filter (a second Start opens the running one), Cancel, and the
 * not-found page for unknown jobs.
 */
@GatewayIntegrationTest
class ConsoleReplayJobsIntegrationTests {

	@LocalServerPort
	int port;

	ConsoleClient console;

	@BeforeEach
	void signIn() {
		this.console = new ConsoleClient(this.port);
		assertThat(this.console.signIn(GatewayIntegrationTest.ADMIN_KEY).statusCode()).isEqualTo(303);
	}

	static String sendDeliveries(int port, int count) {
		WebhookClient client = new WebhookClient(port);
		String marker = "console-bulk-" + UUID.randomUUID();
		IntStream.range(0, count).forEach((n) -> {
			byte[] body = ("{\"action\":\"closed\",\"issue\":{\"id\":7,\"number\":" + (n + 1) + ",\"title\":\"" + marker
					+ "\",\"state\":\"closed\"},\"repository\":{\"full_name\":\"acme/widgets\"},"
					+ "\"sender\":{\"login\":\"octocat\"}}")
				.getBytes(StandardCharsets.UTF_8);
			assertThat(client
				.github("issues", marker + "-" + n, body,
						WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, body))
				.statusCode()).isEqualTo(202);
		});
		return marker;
	}

	private String jobPath(HttpResponse<String> started) {
		String location = started.headers().firstValue("Location").orElseThrow();
		return location.substring(location.indexOf("/console/replay-jobs/"), location.indexOf('?'));
	}

	@Test
	void estimatesThenStartsOnlyWithTheCsrfTokenAndShowsTheResult() {
		String marker = sendDeliveries(this.port, 2);

		HttpResponse<String> estimate = this.console.page("/console/replay-jobs/new?provider=github&q=" + marker);
		HttpResponse<String> hostile = this.console
			.page("/console/replay-jobs/new?q=" + URLEncoder.encode("<b>x</b>", StandardCharsets.UTF_8));
		HttpResponse<String> forged = this.console.post("/console/replay-jobs",
				form("_csrf", "forged", "provider", "github", "q", marker), Map.of());
		HttpResponse<String> started = this.console.post("/console/replay-jobs",
				form("_csrf", csrfOf(estimate.body()), "provider", "github", "q", marker), Map.of());

		assertThat(estimate.statusCode()).isEqualTo(200);
		assertThat(estimate.body()).contains("2 deliveries match").contains("Start replaying");
		assertThat(hostile.body()).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(started.statusCode()).isEqualTo(303);
		String job = jobPath(started);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.console.page(job).body()).contains(">finished<"));
		HttpResponse<String> done = this.console.page(job);
		assertThat(done.body()).contains("2 of 2 replayed").doesNotContain("http-equiv=\"refresh\"");
		assertThat(this.console.page("/console/replay-jobs").body()).contains(marker);
	}

	@Test
	void opensTheRunningJobForTheSameFilterAndCancelsIt() {
		String marker = sendDeliveries(this.port, 120);
		String csrf = csrfOf(this.console.page("/console/replay-jobs").body());

		HttpResponse<String> first = this.console.post("/console/replay-jobs", form("_csrf", csrf, "q", marker),
				Map.of());
		HttpResponse<String> second = this.console.post("/console/replay-jobs", form("_csrf", csrf, "q", marker),
				Map.of());
		HttpResponse<String> running = this.console.page(jobPath(first));
		HttpResponse<String> cancel = this.console.post(jobPath(first) + "/cancel", form("_csrf", csrf), Map.of());

		assertThat(jobPath(second)).isEqualTo(jobPath(first));
		assertThat(second.headers().firstValue("Location").orElseThrow()).endsWith("?notice=running");
		assertThat(running.body()).contains("http-equiv=\"refresh\"").contains("id=\"cancel\"");
		assertThat(cancel.statusCode()).isEqualTo(303);
		HttpResponse<String> cancelled = this.console.page(jobPath(first));
		assertThat(cancelled.body()).contains(">cancelled<")
			.contains("Cancelled by</dt><dd>console key &#39;ops&#39;")
			.doesNotContain("id=\"cancel\"");
	}

	@Test
	void answersUnknownJobsWithTheNotFoundPage() {
		assertThat(this.console.page("/console/replay-jobs/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(this.console.page("/console/replay-jobs/not-a-job").statusCode()).isEqualTo(404);
		String csrf = csrfOf(this.console.page("/console/replay-jobs").body());
		assertThat(this.console
			.post("/console/replay-jobs/" + UUID.randomUUID() + "/cancel", form("_csrf", csrf), Map.of())
			.statusCode()).isEqualTo(404);
	}

}
