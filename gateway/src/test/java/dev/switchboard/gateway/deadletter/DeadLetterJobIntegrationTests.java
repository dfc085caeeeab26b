package dev.switchboard.gateway.deadletter;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Replay all" of a dead-letter queue as a job through the admin API, on the real broker
 * and database: bounded, one per queue, cancellable without losing a message, refused to
 * a viewer, 404 for what does not exist.
 */
@GatewayIntegrationTest
class DeadLetterJobIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	RabbitAdmin admin;

	@Test
	void movesEveryMessageBackABatchAtATimeAndRunsOncePerQueue() {
		String work = queues("job-all-");
		String deadLetters = work + ".dlq";
		fill(deadLetters, 150);

		HttpResponse<String> started = api("POST", "/api/dead-letters/" + deadLetters + "/replay-jobs",
				GatewayIntegrationTest.ADMIN_KEY);
		HttpResponse<String> again = api("POST", "/api/dead-letters/" + deadLetters + "/replay-jobs",
				GatewayIntegrationTest.ADMIN_KEY);
		HttpResponse<String> byViewer = api("POST", "/api/dead-letters/" + deadLetters + "/replay-jobs",
				GatewayIntegrationTest.VIEWER_KEY);

		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		JsonNode job = JSON.readTree(started.body());
		assertThat(job.path("estimated").asLong()).isEqualTo(150);
		assertThat(job.path("state").asString()).isEqualTo("running");
		assertThat(again.statusCode()).as("one job per queue at a time").isEqualTo(409);
		assertThat(JSON.readTree(again.body()).path("job").path("id").asString()).isEqualTo(job.path("id").asString());
		assertThat(byViewer.statusCode()).isEqualTo(403);

		String path = "/api/dead-letter-jobs/" + job.path("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> JSON.readTree(api("GET", path, GatewayIntegrationTest.VIEWER_KEY).body())
				.path("state")
				.asString(), "finished"::equals);
		JsonNode done = JSON.readTree(api("GET", path, GatewayIntegrationTest.VIEWER_KEY).body());
		assertThat(done.path("moved").asLong()).isEqualTo(150);
		assertThat(done.path("percent").asInt()).isEqualTo(100);
		assertThat(depth(work)).isEqualTo(150);
		assertThat(depth(deadLetters)).isZero();
		assertThat(api("GET", "/api/dead-letter-jobs", GatewayIntegrationTest.VIEWER_KEY).body())
			.contains(job.path("id").asString());
		cleanUp(work);
	}

	@Test
	void aCancelledJobStopsAndLosesNothing() {
		String work = queues("job-cancel-");
		String deadLetters = work + ".dlq";
		fill(deadLetters, 2000);

		JsonNode job = JSON
			.readTree(api("POST", "/api/dead-letters/" + deadLetters + "/replay-jobs", GatewayIntegrationTest.ADMIN_KEY)
				.body());
		HttpResponse<String> cancelled = api("POST", "/api/dead-letter-jobs/" + job.path("id").asString() + "/cancel",
				GatewayIntegrationTest.ADMIN_KEY);

		assertThat(cancelled.statusCode()).isEqualTo(200);
		JsonNode after = JSON.readTree(cancelled.body());
		assertThat(after.path("state").asString()).isEqualTo("cancelled");
		assertThat(after.path("cancelledBy").asString()).isEqualTo("key 'ops'");
		long moved = after.path("moved").asLong();
		assertThat(moved).isLessThan(2000);
		// a batch under way when the job was cancelled still finishes: wait for the
		// queues to settle
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(20))
			.until(() -> depth(work) + depth(deadLetters) == 2000);
		assertThat(depth(deadLetters)).as("the rest stays dead-lettered").isPositive();
		cleanUp(work);
	}

	@Test
	void answers404ForAQueueOrAJobThatDoesNotExist() {
		assertThat(api("POST", "/api/dead-letters/no-such-" + UUID.randomUUID() + ".dlq/replay-jobs",
				GatewayIntegrationTest.ADMIN_KEY)
			.body()).contains("urn:switchboard:problem:dead-letters:queue-not-found");
		assertThat(
				api("POST", "/api/dead-letters/not-a-dead-letter-queue/replay-jobs", GatewayIntegrationTest.ADMIN_KEY)
					.statusCode())
			.isEqualTo(404);
		assertThat(api("GET", "/api/dead-letter-jobs/" + UUID.randomUUID(), GatewayIntegrationTest.ADMIN_KEY).body())
			.contains("urn:switchboard:problem:dead-letters:job-not-found");
		assertThat(
				api("POST", "/api/dead-letter-jobs/" + UUID.randomUUID() + "/cancel", GatewayIntegrationTest.ADMIN_KEY)
					.statusCode())
			.isEqualTo(404);
		assertThat(api("GET", "/api/dead-letter-jobs/not-a-uuid", GatewayIntegrationTest.ADMIN_KEY).statusCode())
			.isEqualTo(400);
	}

	private String queues(String prefix) {
		String work = prefix + UUID.randomUUID();
		this.admin.declareQueue(QueueBuilder.durable(work).build());
		this.admin.declareQueue(QueueBuilder.durable(work + ".dlq").build());
		return work;
	}

	private void fill(String queue, int count) {
		for (int i = 0; i < count; i++) {
			MessageProperties properties = new MessageProperties();
			properties.setMessageId("m-" + i);
			properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
			this.rabbit.send("", queue,
					new Message("{\"type\":\"session.ended\"}".getBytes(StandardCharsets.UTF_8), properties));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> depth(queue) == count);
	}

	private void cleanUp(String work) {
		this.admin.deleteQueue(work);
		this.admin.deleteQueue(work + ".dlq");
	}

	private long depth(String queue) {
		return Objects.requireNonNull(this.admin.getQueueInfo(queue), () -> queue + " is declared by the test")
			.getMessageCount();
	}

	private HttpResponse<String> api(String method, String path, @Nullable String key) {
		return new WebhookClient(this.port).admin(method, path, key, null);
	}

}
