package dev.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
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

	private String sign() {
		return WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, this.payload);
	}

}
