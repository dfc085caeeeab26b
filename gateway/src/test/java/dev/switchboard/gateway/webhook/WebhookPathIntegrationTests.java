package dev.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.ProviderRequests;
import dev.switchboard.gateway.WebhookClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webhook paths are answered before Spring MVC: what they answer to other methods and
 * paths, and how they are measured.
 */
@GatewayIntegrationTest
class WebhookPathIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	WebhookClient client;

	@BeforeEach
	void setUp() {
		this.client = new WebhookClient(this.port);
	}

	@Test
	void answersAnotherMethodOnAWebhookPathWith405AndTheOneMethodAllowed() {
		for (String path : new String[] { "/webhooks/github", "/webhooks/statuspage/some-token" }) {
			HttpResponse<String> get = this.client.get(path);

			assertThat(get.statusCode()).as(path).isEqualTo(405);
			assertThat(get.headers().firstValue("Allow")).as(path).hasValue("POST");
			assertThat(get.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
			assertThat(get.body()).contains("\"instance\":\"" + path + "\"").contains("\"status\":405");
		}
	}

	@Test
	void leavesAPathBelowAWebhookToSpringMvc() {
		HttpResponse<String> deeper = this.client.post("/webhooks/github/deeper", "{}".getBytes(StandardCharsets.UTF_8),
				Map.of("Content-Type", "application/json"));

		assertThat(deeper.statusCode()).isEqualTo(404);
		assertThat(deeper.body()).doesNotContain("urn:switchboard:problem:webhook");
	}

	@Test
	void timesEachWebhookOnItsOwnTimer() {
		long before = this.meters.timer("switchboard.webhooks.request").count();

		HttpResponse<String> accepted = this.client
			.send(ProviderRequests.github(UUID.randomUUID().toString(), "{\"action\":\"opened\"}".getBytes()));

		assertThat(accepted.statusCode()).isEqualTo(202);
		// recorded once the answer is written: the client may read it a moment before
		await().untilAsserted(
				() -> assertThat(this.meters.timer("switchboard.webhooks.request").count()).isEqualTo(before + 1));
	}

}
