package dev.switchboard.gateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bulk replay jobs through the admin API: an estimate, a job that replays every matching
 * delivery to the owner's queue and finishes, one running job per filter (409 naming it),
 * Cancel, and the problems for a bad filter and an unknown job.
 */
@GatewayIntegrationTest
class ReplayJobIntegrationTests {

	private static final String OWNER_QUEUE = Destinations.queue(Destinations.WEBHOOKS_INBOUND,
			ServiceNames.ISSUE_SYNC);

	@LocalServerPort
	int port;

	@Autowired
	RabbitAdmin rabbit;

	@Autowired
	RabbitTemplate template;

	@Autowired
	JsonMapper json;

	WebhookClient client;

	@BeforeEach
	void setUp() {
		this.client = new WebhookClient(this.port);
		this.rabbit.purgeQueue(OWNER_QUEUE, false);
	}

	/** Signed GitHub deliveries whose bodies carry the marker; returns the marker. */
	static String sendDeliveries(WebhookClient client, int count) {
		String marker = "bulk-" + UUID.randomUUID();
		IntStream.range(0, count).forEach((n) -> {
			byte[] body = ("{\"action\":\"closed\",\"issue\":{\"id\":7,\"number\":" + (n + 1) + ",\"title\":\"" + marker
					+ "\",\"state\":\"closed\"},"
					+ "\"repository\":{\"full_name\":\"acme/widgets\"},\"sender\":{\"login\":\"octocat\"}}")
				.getBytes(StandardCharsets.UTF_8);
			HttpResponse<String> accepted = client.github("issues", marker + "-" + n, body,
					WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, body));
			assertThat(accepted.statusCode()).isEqualTo(202);
		});
		return marker;
	}

	/** How many messages on the owner's queue carry the marker in their body. */
	private long replayedWith(String marker) {
		long found = 0;
		Message message;
		while ((message = this.template.receive(OWNER_QUEUE, 200)) != null) {
			InboundDelivery delivery = this.json.readValue(message.getBody(), InboundDelivery.class);
			if (new String(delivery.body(), StandardCharsets.UTF_8).contains(marker)) {
				found++;
			}
		}
		return found;
	}

	private JsonNode admin(String method, String path, @Nullable String body, int status) {
		HttpResponse<String> response = this.client.admin(method, path, GatewayIntegrationTest.ADMIN_KEY, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return this.json.readTree(response.body());
	}

	@Test
	void estimatesThenReplaysEveryMatchingDeliveryToTheOwnersQueueAndFinishes() {
		String marker = sendDeliveries(this.client, 3);
		this.rabbit.purgeQueue(OWNER_QUEUE, false);

		JsonNode estimate = admin("GET", "/api/replay-jobs/estimate?provider=github&containing=" + marker, null, 200);
		JsonNode job = admin("POST", "/api/replay-jobs", "{\"provider\":\"github\",\"containing\":\"" + marker + "\"}",
				201);

		assertThat(estimate.path("matching").asLong()).isEqualTo(3);
		assertThat(job.path("estimated").asLong()).isEqualTo(3);
		assertThat(job.path("createdBy").asString()).isEqualTo("key 'ops'");
		String id = job.path("id").asString();
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(admin("GET", "/api/replay-jobs/" + id, null, 200).path("state").asString())
				.isEqualTo("finished"));
		JsonNode done = admin("GET", "/api/replay-jobs/" + id, null, 200);
		assertThat(done.path("replayed").asLong()).isEqualTo(3);
		assertThat(done.path("failed").asLong()).isZero();
		assertThat(done.path("percent").asInt()).isEqualTo(100);
		// counted by the marker: a job another test cancelled may still finish its batch
		assertThat(replayedWith(marker)).isEqualTo(3);
		assertThat(admin("GET", "/api/replay-jobs", null, 200).toString()).contains(id);
	}

	@Test
	void runsOneJobPerFilterAtATimeAndCancelsIt() {
		String marker = sendDeliveries(this.client, 120);
		String filter = "{\"containing\":\"" + marker + "\"}";

		JsonNode first = admin("POST", "/api/replay-jobs", filter, 201);
		JsonNode second = admin("POST", "/api/replay-jobs", filter, 409);
		JsonNode cancelled = admin("POST", "/api/replay-jobs/" + first.path("id").asString() + "/cancel", null, 200);

		assertThat(second.path("type").asString()).isEqualTo("urn:switchboard:problem:replay-jobs:already-running");
		assertThat(second.path("job").path("id").asString()).isEqualTo(first.path("id").asString());
		assertThat(cancelled.path("state").asString()).isEqualTo("cancelled");
		assertThat(cancelled.path("cancelledBy").asString()).isEqualTo("key 'ops'");
		assertThat(cancelled.path("replayed").asLong()).isLessThan(120);
		JsonNode third = admin("POST", "/api/replay-jobs", filter, 201);
		assertThat(third.path("id").asString()).as("a new job once the first ended")
			.isNotEqualTo(first.path("id").asString());
		admin("POST", "/api/replay-jobs/" + third.path("id").asString() + "/cancel", null, 200);
	}

	@Test
	void refusesABadFilterAndAnswersAnUnknownJobWith404() {
		assertThat(admin("POST", "/api/replay-jobs", "{\"outcome\":\"lost\"}", 400).path("detail").asString())
			.contains("published or unconfirmed");
		assertThat(admin("GET", "/api/replay-jobs/" + UUID.randomUUID(), null, 404).path("type").asString())
			.isEqualTo("urn:switchboard:problem:replay-jobs:not-found");
		assertThat(this.client.admin("GET", "/api/replay-jobs", null, null).statusCode()).isEqualTo(401);
	}

}
