package dev.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

@GatewayIntegrationTest
class GithubWebhookIntegrationTests {

	private static final String OWNER_QUEUE = Destinations.queue(Destinations.WEBHOOKS_INBOUND,
			ServiceNames.ISSUE_SYNC);

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	RabbitAdmin admin;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	WebhookClient client;

	byte[] payload;

	@BeforeEach
	void setUp() throws IOException {
		this.client = new WebhookClient(this.port);
		this.payload = new ClassPathResource("github/issues-reopened.json").getContentAsByteArray();
		this.admin.purgeQueue(OWNER_QUEUE, false);
	}

	@Test
	void publishesASignedDeliveryToItsOwnersQueueBeforeAnswering202() {
		String deliveryId = UUID.randomUUID().toString();

		HttpResponse<String> response = this.client.github("issues", deliveryId, this.payload, sign(this.payload));

		assertThat(response.statusCode()).isEqualTo(202);
		// written whole with its length, not streamed in chunks
		assertThat(response.body()).contains("\"deliveryId\":\"" + deliveryId + "\"");
		assertThat(response.headers().firstValueAsLong("Content-Length"))
			.hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
		assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
		Message message = assertThat(this.rabbit.receive(OWNER_QUEUE, 5000)).isNotNull().actual();
		assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("github.issues");
		assertThat(message.getMessageProperties().getMessageId())
			.isEqualTo(InboundDelivery.idOf("github", deliveryId).toString());
		assertThat(message.getMessageProperties().getCorrelationId())
			.isEqualTo(response.headers().firstValue("X-Correlation-Id").orElseThrow());
		InboundDelivery delivery = this.json.readValue(message.getBody(), InboundDelivery.class);
		assertThat(delivery.deliveryId()).isEqualTo(deliveryId);
		assertThat(delivery.eventType()).isEqualTo("issues");
		assertThat(delivery.body()).isEqualTo(this.payload);
		assertThat(delivery.headers()).containsEntry("x-github-event", "issues")
			.doesNotContainKey("x-hub-signature-256");
	}

	@Test
	void refusesAWrongSignatureWith401AndPublishesNothing() {
		byte[] tampered = new String(this.payload, StandardCharsets.UTF_8).replace("reopened", "closed")
			.getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = this.client.github("issues", UUID.randomUUID().toString(), tampered,
				sign(this.payload));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":401").contains("X-Hub-Signature-256");
		assertThat(this.rabbit.receive(OWNER_QUEUE, 500)).isNull();
	}

	@Test
	void refusesABodyOverTheProvidersLimitWith413() {
		byte[] huge = new byte[(int) DataSize.parse(GatewayIntegrationTest.GITHUB_MAX_BODY).toBytes() + 1];
		Arrays.fill(huge, (byte) ' ');

		HttpResponse<String> response = this.client.github("issues", UUID.randomUUID().toString(), huge, sign(huge));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"status\":413");
		assertThat(this.rabbit.receive(OWNER_QUEUE, 500)).isNull();
	}

	@Test
	void sendsABodyTooLargeForAMessageByReferenceAndServesItToServicesOnly() {
		String deliveryId = UUID.randomUUID().toString();
		byte[] large = largeEvent();
		double before = this.meters.counter("switchboard.publish.by-reference").count();

		HttpResponse<String> response = this.client.github("issues", deliveryId, large, sign(large));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(this.meters.counter("switchboard.publish.by-reference").count()).isEqualTo(before + 1);
		Message message = assertThat(this.rabbit.receive(OWNER_QUEUE, 5000)).isNotNull().actual();
		assertThat(message.getBody().length).isLessThan(64 * 1024);
		InboundDelivery delivery = this.json.readValue(message.getBody(), InboundDelivery.class);
		assertThat(delivery.byReference()).isTrue();
		assertThat(delivery.body()).isEmpty();
		String path = "/internal/deliveries/" + delivery.eventId() + "/body";
		HttpResponse<byte[]> body = this.client.getBytes(path,
				java.util.Map.of("X-Switchboard-Internal-Token", "test-internal-token-0123456789"));
		assertThat(body.statusCode()).isEqualTo(200);
		assertThat(body.body()).isEqualTo(large);
		assertThat(loggedEntry(delivery.eventId())).contains("\"outcome\":\"published\"").contains("\"attempts\":1");
		assertThat(this.client.getBytes(path, java.util.Map.of()).statusCode()).isEqualTo(401);
		assertThat(this.client
			.getBytes(path, java.util.Map.of("X-Switchboard-Internal-Token", "test-internal-token-but-wrong"))
			.statusCode()).isEqualTo(401);
		assertThat(this.client
			.getBytes("/internal/deliveries/" + UUID.randomUUID() + "/body",
					java.util.Map.of("X-Switchboard-Internal-Token", "test-internal-token-0123456789"))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void refusesASignedBodyThatIsNotJsonWith400() {
		byte[] form = "payload=%7B%7D".getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = this.client.github("issues", UUID.randomUUID().toString(), form, sign(form));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("JSON object");
	}

	@Test
	void answers404ForAnUnknownProvider() {
		HttpResponse<String> response = this.client.post("/webhooks/gitlab", this.payload,
				java.util.Map.of("Content-Type", "application/json"));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void answers503WithRetryAfterWhenNoQueueTakesTheDelivery() {
		Binding githubBinding = new Binding(OWNER_QUEUE, Binding.DestinationType.QUEUE, Destinations.WEBHOOKS_INBOUND,
				"github.#", null);
		this.admin.removeBinding(githubBinding);
		try {
			HttpResponse<String> response = this.client.github("issues", UUID.randomUUID().toString(), this.payload,
					sign(this.payload));

			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("17");
			assertThat(response.body()).contains("unroutable");
		}
		finally {
			this.admin.declareBinding(githubBinding);
		}
	}

	@Test
	void publishesABodyTooLargeForAMessageWhenGithubRetriesAfterA503() {
		String deliveryId = UUID.randomUUID().toString();
		byte[] large = largeEvent();
		Binding githubBinding = new Binding(OWNER_QUEUE, Binding.DestinationType.QUEUE, Destinations.WEBHOOKS_INBOUND,
				"github.#", null);
		this.admin.removeBinding(githubBinding);
		try {
			assertThat(this.client.github("issues", deliveryId, large, sign(large)).statusCode()).isEqualTo(503);
		}
		finally {
			this.admin.declareBinding(githubBinding);
		}
		UUID eventId = InboundDelivery.idOf("github", deliveryId);
		assertThat(loggedEntry(eventId)).contains("\"outcome\":\"unconfirmed\"").contains("\"attempts\":1");

		HttpResponse<String> retried = this.client.github("issues", deliveryId, large, sign(large));

		assertThat(retried.statusCode()).isEqualTo(202);
		assertThat(loggedEntry(eventId)).contains("\"outcome\":\"published\"").contains("\"attempts\":2");
		Message message = assertThat(this.rabbit.receive(OWNER_QUEUE, 5000)).isNotNull().actual();
		assertThat(this.json.readValue(message.getBody(), InboundDelivery.class).byReference()).isTrue();
	}

	@Test
	void replaysABodyTooLargeForAMessageByReferenceToo() {
		byte[] large = largeEvent();
		double before = this.meters.counter("switchboard.publish.by-reference").count();
		assertThat(this.client.github("issues", UUID.randomUUID().toString(), large, sign(large)).statusCode())
			.isEqualTo(202);
		Message published = assertThat(this.rabbit.receive(OWNER_QUEUE, 5000)).isNotNull().actual();
		InboundDelivery accepted = this.json.readValue(published.getBody(), InboundDelivery.class);

		HttpResponse<String> replay = this.client.admin("POST", "/api/deliveries/" + accepted.eventId() + "/replay",
				GatewayIntegrationTest.ADMIN_KEY, null);

		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
		Message replayed = assertThat(this.rabbit.receive(OWNER_QUEUE, 5000)).isNotNull().actual();
		assertThat(replayed.getBody().length).isLessThan(64 * 1024);
		InboundDelivery delivery = this.json.readValue(replayed.getBody(), InboundDelivery.class);
		assertThat(delivery.byReference()).isTrue();
		assertThat(delivery.eventId()).isEqualTo(accepted.eventId());
		assertThat(this.meters.counter("switchboard.publish.by-reference").count()).isEqualTo(before + 2);
	}

	/** A 12 MB issue event: larger than a RabbitMQ message may carry once encoded. */
	private byte[] largeEvent() {
		String json = new String(this.payload, StandardCharsets.UTF_8);
		return ("{\"padding\":\"" + "x".repeat(12 * 1024 * 1024) + "\"," + json.substring(json.indexOf('{') + 1))
			.getBytes(StandardCharsets.UTF_8);
	}

	/** The delivery log's entry for the delivery, without its headers and body. */
	private String loggedEntry(UUID eventId) {
		String logged = this.client.admin("GET", "/api/deliveries/" + eventId, GatewayIntegrationTest.ADMIN_KEY, null)
			.body();
		return logged.substring(0, logged.indexOf("\"headers\""));
	}

	private static String sign(byte[] body) {
		return WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, body);
	}

}
