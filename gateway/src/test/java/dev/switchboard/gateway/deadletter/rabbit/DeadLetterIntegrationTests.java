package dev.switchboard.gateway.deadletter.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import dev.switchboard.gateway.deadletter.DeadLetterProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Dead letters with a message the broker really dead-lettered, and a replay interrupted
 * half-way.
 */
@GatewayIntegrationTest
class DeadLetterIntegrationTests {

	private static final String WORK = Destinations.queue(Destinations.WEBHOOKS_INBOUND, ServiceNames.REMOTE_SESSION);

	private static final String DLQ = Destinations.deadLetterQueue(Destinations.WEBHOOKS_INBOUND,
			ServiceNames.REMOTE_SESSION);

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	RabbitAdmin admin;

	@Autowired
	CachingConnectionFactory connections;

	@Autowired
	RabbitProperties rabbitProperties;

	@Autowired
	DeadLetterProperties deadLetterProperties;

	@Autowired
	JsonMapper json;

	@Test
	void listsARealPoisonedMessageAndReplaysItToTheQueueItFailedIn() {
		this.admin.purgeQueue(WORK, false);
		this.admin.purgeQueue(DLQ, false);
		String messageId = "poison-" + UUID.randomUUID();
		SimpleMessageListenerContainer failingConsumer = new SimpleMessageListenerContainer(this.connections);
		failingConsumer.setQueueNames(WORK);
		failingConsumer.setMessageListener((message) -> {
			throw new AmqpRejectAndDontRequeueException("cannot read this session event");
		});
		failingConsumer.start();
		try {
			this.rabbit.send(Destinations.WEBHOOKS_INBOUND, "remote-session.session.ended", message(messageId));
			await().atMost(Duration.ofSeconds(10)).until(() -> depth(DLQ) == 1);
		}
		finally {
			failingConsumer.stop();
		}
		WebhookClient client = new WebhookClient(this.port);

		JsonNode queues = this.json.readTree(admin(client, "GET", "/api/dead-letters", null).body());
		JsonNode listed = queues.valueStream()
			.filter((queue) -> queue.path("name").asString().equals(DLQ))
			.reduce((earlier, later) -> later)
			.orElseThrow(() -> new AssertionError(DLQ + " is listed"));
		assertThat(listed.path("depth").asLong()).isEqualTo(1);
		assertThat(listed.path("originalQueue").asString()).isEqualTo(WORK);
		JsonNode letter = listed.path("messages").get(0);
		assertThat(letter.path("messageId").asString()).isEqualTo(messageId);
		assertThat(letter.path("originalQueue").asString()).isEqualTo(WORK);
		assertThat(letter.path("originalRoutingKey").asString()).isEqualTo("remote-session.session.ended");
		assertThat(letter.path("exception").asString()).contains("rejected");
		assertThat(depth(DLQ)).as("listing leaves the message where it is").isEqualTo(1);

		HttpResponse<String> replay = admin(client, "POST", "/api/dead-letters/" + DLQ + "/replay",
				"{\"messageIds\":[\"" + messageId + "\"]}");

		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
		assertThat(replay.body()).contains("\"moved\":1");
		Message back = assertThat(this.rabbit.receive(WORK, 5000)).isNotNull().actual();
		assertThat(back.getMessageProperties().getMessageId()).isEqualTo(messageId);
		assertThat(depth(DLQ)).isZero();
		assertThat(admin(client, "POST", "/api/dead-letters/no-such.dlq/replay", null).statusCode()).isEqualTo(404);
	}

	/**
	 * A replay of a whole queue whose messages fail again at once (dead-lettered back
	 * into the queue being drained) moves each message once and stops, reporting what
	 * failed again, instead of looping for ever.
	 */
	@Test
	void aReplayOfMessagesThatFailAgainMovesEachOnceAndStops() {
		String work = "replay-loop-" + UUID.randomUUID();
		String deadLetters = work + ".dlq";
		this.admin.declareQueue(QueueBuilder.durable(deadLetters).build());
		this.admin.declareQueue(QueueBuilder.durable(work)
			.withArgument("x-dead-letter-exchange", "")
			.withArgument("x-dead-letter-routing-key", deadLetters)
			.build());
		for (int i = 0; i < 20; i++) {
			this.rabbit.send("", deadLetters, message("loop-" + i));
		}
		SimpleMessageListenerContainer failingConsumer = new SimpleMessageListenerContainer(this.connections);
		failingConsumer.setQueueNames(work);
		failingConsumer.setMessageListener((message) -> {
			throw new AmqpRejectAndDontRequeueException("still broken");
		});
		failingConsumer.start();
		try {
			WebhookClient client = new WebhookClient(this.port);

			HttpResponse<String> replay = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
					Duration.ofSeconds(60),
					() -> admin(client, "POST", "/api/dead-letters/" + deadLetters + "/replay", null));

			assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
			JsonNode report = this.json.readTree(replay.body());
			assertThat(report.path("moved").asInt()).isEqualTo(20);
			assertThat(report.path("failedAgain").asInt()).isBetween(0, 20);
			await().atMost(Duration.ofSeconds(10)).until(() -> depth(deadLetters) == 20);
		}
		finally {
			failingConsumer.stop();
			this.admin.deleteQueue(work);
			this.admin.deleteQueue(deadLetters);
		}
	}

	@Test
	void aReplayInterruptedHalfWayLosesNoMessage() {
		String work = "replay-test-" + UUID.randomUUID();
		String deadLetters = work + ".dlq";
		this.admin.declareQueue(QueueBuilder.durable(work).build());
		this.admin.declareQueue(QueueBuilder.durable(deadLetters).build());
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			String id = "m-" + i;
			ids.add(id);
			this.rabbit.send("", deadLetters, message(id));
		}
		RabbitDeadLetterQueues crashing = new RabbitDeadLetterQueues(this.connections, this.rabbitProperties,
				this.deadLetterProperties, this.json, (queue, moved) -> {
					if (moved == 3) {
						throw new IOException("gateway died after publishing the third message, before its ack");
					}
				});

		assertThatIllegalStateException().isThrownBy(() -> crashing.replay(deadLetters, null));

		List<String> everywhere = new ArrayList<>();
		everywhere.addAll(drain(work));
		everywhere.addAll(drain(deadLetters));
		assertThat(new HashSet<>(everywhere)).as("no message lost").containsAll(ids);
		assertThat(everywhere).as("at most the interrupted one twice").hasSizeBetween(5, 6);
		this.admin.deleteQueue(work);
		this.admin.deleteQueue(deadLetters);
	}

	private static Message message(String id) {
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(id);
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		return new Message("{\"type\":\"session.ended\"}".getBytes(StandardCharsets.UTF_8), properties);
	}

	private long depth(String queue) {
		return Objects.requireNonNull(this.admin.getQueueInfo(queue), () -> queue + " is declared by the test")
			.getMessageCount();
	}

	private List<String> drain(String queue) {
		List<String> ids = new ArrayList<>();
		Message message;
		while ((message = this.rabbit.receive(queue, 500)) != null) {
			ids.add(message.getMessageProperties().getMessageId());
		}
		return ids;
	}

	private static HttpResponse<String> admin(WebhookClient client, String method, String path, @Nullable String body) {
		return client.admin(method, path, GatewayIntegrationTest.ADMIN_KEY, body);
	}

}
