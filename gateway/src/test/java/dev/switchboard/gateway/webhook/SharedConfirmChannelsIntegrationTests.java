package dev.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import dev.switchboard.gateway.delivery.DeliveryLog;
import dev.switchboard.gateway.delivery.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * The publishes of concurrent requests share a few channels in confirm mode: each request
 * is still answered on its own message's confirm (the broker acknowledges several at
 * once), and a channel the connection lost is replaced on the next publish.
 */
@GatewayIntegrationTest
class SharedConfirmChannelsIntegrationTests {

	private static final String OWNER_QUEUE = Destinations.queue(Destinations.WEBHOOKS_INBOUND,
			ServiceNames.ISSUE_SYNC);

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	RabbitAdmin admin;

	@Autowired
	CachingConnectionFactory connections;

	@Autowired
	DeliveryLog log;

	WebhookClient client;

	byte[] payload;

	@BeforeEach
	void setUp() throws IOException {
		this.client = new WebhookClient(this.port);
		this.payload = new ClassPathResource("github/issues-reopened.json").getContentAsByteArray();
		this.admin.purgeQueue(OWNER_QUEUE, false);
	}

	@Test
	void answersEachOfManyConcurrentDeliveriesOnItsOwnConfirmAndQueuesEveryOneOnce() throws Exception {
		int deliveries = 120;
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		Set<String> expected = new HashSet<>();
		try (ExecutorService senders = Executors.newFixedThreadPool(24)) {
			for (int i = 0; i < deliveries; i++) {
				String deliveryId = UUID.randomUUID().toString();
				expected.add(InboundDelivery.idOf("github", deliveryId).toString());
				answers.add(senders.submit(() -> this.client.github("issues", deliveryId, this.payload, sign())));
			}
			for (Future<HttpResponse<String>> answer : answers) {
				assertThat(answer.get().statusCode()).isEqualTo(202);
			}
		}

		Set<String> queued = new HashSet<>();
		Message message;
		while ((message = this.rabbit.receive(OWNER_QUEUE, 2000)) != null) {
			assertThat(queued.add(message.getMessageProperties().getMessageId())).as("published once").isTrue();
		}
		assertThat(queued).isEqualTo(expected);
	}

	@Test
	void publishesOnANewChannelAfterTheConnectionWasLost() {
		assertThat(this.client.github("issues", UUID.randomUUID().toString(), this.payload, sign()).statusCode())
			.isEqualTo(202);
		assertThat(this.rabbit.receive(OWNER_QUEUE, 5000)).isNotNull();

		// closes the connection the publishing channels are on
		this.connections.resetConnection();

		String deliveryId = UUID.randomUUID().toString();
		assertThat(this.client.github("issues", deliveryId, this.payload, sign()).statusCode()).isEqualTo(202);
		Message message = assertThat(this.rabbit.receive(OWNER_QUEUE, 5000)).isNotNull().actual();
		assertThat(message.getMessageProperties().getMessageId())
			.isEqualTo(InboundDelivery.idOf("github", deliveryId).toString());
	}

	/**
	 * A broker that refuses a message (here a queue bound beside the owner's that is full
	 * and rejects new publishes: RabbitMQ nacks a message any of its queues refused) gets
	 * the webhook answered 503, the delivery logged as not confirmed; the provider's
	 * retry, once the broker takes it, is a new delivery (202), not a duplicate.
	 */
	@Test
	void answers503WhenTheBrokerNacksAndAcceptsTheRetryOnceItTakesTheMessage() {
		String deliveryId = UUID.randomUUID().toString();
		UUID eventId = InboundDelivery.idOf("github", deliveryId);
		Queue refusing = new Queue("nack-probe-" + UUID.randomUUID(), false, false, true,
				Map.of("x-max-length", 0, "x-overflow", "reject-publish"));
		this.admin.declareQueue(refusing);
		this.admin.declareBinding(BindingBuilder.bind(refusing)
			.to(new TopicExchange(Destinations.WEBHOOKS_INBOUND))
			.with("github.issues"));
		HttpResponse<String> refused;
		try {
			refused = this.client.github("issues", deliveryId, this.payload, sign());
		}
		finally {
			this.admin.deleteQueue(refusing.getName());
		}

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.body()).contains("urn:switchboard:problem:webhook:unavailable").contains("nack");
		assertThat(this.log.find(eventId)).hasValueSatisfying((logged) -> {
			assertThat(logged.outcome()).isEqualTo(Outcome.UNCONFIRMED);
			assertThat(logged.attempts()).isEqualTo(1);
		});

		HttpResponse<String> retried = this.client.github("issues", deliveryId, this.payload, sign());
		assertThat(retried.statusCode()).isEqualTo(202);
		assertThat(this.log.find(eventId)).hasValueSatisfying((logged) -> {
			assertThat(logged.outcome()).isEqualTo(Outcome.PUBLISHED);
			assertThat(logged.attempts()).isEqualTo(2);
		});
		List<String> queued = new ArrayList<>();
		Message message;
		while ((message = this.rabbit.receive(OWNER_QUEUE, 2000)) != null) {
			queued.add(message.getMessageProperties().getMessageId());
		}
		// the nacked publish may or may not have reached the owner's queue: the broker
		// refused it as a whole, but a queue that took it keeps it (consumers drop the
		// repeat by its id); the retry is there
		assertThat(queued).contains(eventId.toString()).containsOnly(eventId.toString());
	}

	private String sign() {
		return WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, this.payload);
	}

}
