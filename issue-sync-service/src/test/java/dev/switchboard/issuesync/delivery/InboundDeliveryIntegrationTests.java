package dev.switchboard.issuesync.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deliveries published on the real broker as the gateway publishes them, recorded in
 * PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
@IssueSyncIntegrationTest
class InboundDeliveryIntegrationTests {

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@InjectWireMock("gateway")
	WireMockServer gateway;

	@Autowired
	MeterRegistry meters;

	@Test
	void recordsAGithubDeliveryOnceHoweverOftenItIsDelivered() {
		InboundDelivery delivery = githubDelivery(UUID.randomUUID().toString());

		publish(delivery);
		publish(delivery);
		publish(delivery);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rowsFor(delivery)).isEqualTo(1));
		InboundDelivery later = githubDelivery(UUID.randomUUID().toString());
		publish(later);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rowsFor(later)).isEqualTo(1));
		assertThat(rowsFor(delivery)).isEqualTo(1);
	}

	@Test
	void fetchesABodyThatTravelledByReferenceFromTheGatewayBeforeApplyingIt() {
		InboundDelivery delivery = githubDelivery(UUID.randomUUID().toString());
		this.gateway.stubFor(get(urlEqualTo("/internal/deliveries/" + delivery.eventId() + "/body"))
			.withHeader("X-Switchboard-Internal-Token", equalTo("test-internal-token-0123456789"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/octet-stream")
				.withBody(delivery.body())));

		publish(delivery.withBodyByReference());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rowsFor(delivery)).isEqualTo(1));
		this.gateway.verify(1, getRequestedFor(urlEqualTo("/internal/deliveries/" + delivery.eventId() + "/body")));
		assertThat(this.meters.counter("switchboard.deliveries.bodies.fetched", "provider", "github").count())
			.isPositive();
	}

	@Test
	void retriesTheGatewayAfterAServerErrorAndThenAppliesTheDelivery() {
		InboundDelivery delivery = githubDelivery(UUID.randomUUID().toString());
		String path = "/internal/deliveries/" + delivery.eventId() + "/body";
		this.gateway.stubFor(get(urlEqualTo(path)).inScenario(path)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		this.gateway.stubFor(get(urlEqualTo(path)).inScenario(path)
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200).withBody(delivery.body())));

		publish(delivery.withBodyByReference());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rowsFor(delivery)).isEqualTo(1));
		this.gateway.verify(2, getRequestedFor(urlEqualTo(path)));
	}

	@Test
	void deadLettersADeliveryWhoseBodyTheGatewayNoLongerHas() {
		InboundDelivery delivery = githubDelivery(UUID.randomUUID().toString());
		this.gateway.stubFor(get(urlEqualTo("/internal/deliveries/" + delivery.eventId() + "/body"))
			.willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")));

		publish(delivery.withBodyByReference());

		Message deadLetter = deadLetter(delivery.eventId().toString());
		assertThat(deadLetter.getMessageProperties().getHeaders().get("x-exception-message")).asString()
			.contains("404");
		assertThat(rowsFor(delivery)).isZero();
	}

	@Test
	void sendsAMessageItCannotReadToTheDeadLetterQueueWithoutLoggingItsBody(CapturedOutput output) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		String messageId = "poison-" + UUID.randomUUID();
		properties.setMessageId(messageId);
		Message poison = new Message("{\"schemaVersion\":1,\"provider\":".getBytes(StandardCharsets.UTF_8), properties);

		this.rabbit.send(Destinations.WEBHOOKS_INBOUND, "github.issues", poison);

		Message deadLetter = deadLetter(messageId);
		assertThat(deadLetter.getMessageProperties().getHeaders()).containsKey("x-exception-message");
		assertThat(output).contains(messageId).doesNotContain("\"provider\":");
	}

	@Test
	void sendsAJiraCommentItCannotReadToTheDeadLetterQueueAndRecordsNothing() {
		ObjectNode payload = (ObjectNode) this.json.readTree(Fixtures.jiraComment("10001", "OPS-7", "10042", false));
		((ObjectNode) payload.get("comment")).remove("id");
		InboundDelivery delivery = InboundDelivery.of("corr-jira-bad", Provider.JIRA, "comment_created",
				UUID.randomUUID().toString(), Instant.now(), Map.of(),
				payload.toString().getBytes(StandardCharsets.UTF_8));

		publish(delivery);

		Message deadLetter = deadLetter(delivery.eventId().toString());
		assertThat(deadLetter.getMessageProperties().getHeaders().get("x-exception-message")).asString()
			.contains("delivery " + delivery.deliveryId());
		assertThat(rowsFor(delivery)).isZero();
	}

	/** The dead letter with this message id, skipping others left in the queue. */
	private Message deadLetter(String messageId) {
		String queue = Destinations.deadLetterQueue(Destinations.WEBHOOKS_INBOUND, ServiceNames.ISSUE_SYNC);
		for (Message message = this.rabbit.receive(queue, 10_000); message != null; message = this.rabbit.receive(queue,
				10_000)) {
			if (messageId.equals(message.getMessageProperties().getMessageId())) {
				return message;
			}
		}
		throw new AssertionError("no dead letter " + messageId + " in " + queue);
	}

	private InboundDelivery githubDelivery(String deliveryId) {
		// the octokit example of an issues delivery, about an issue no ticket links
		String body = Fixtures.githubIssuesEvent("closed",
				Fixtures.githubIssue(1_000L + deliveryId.hashCode(), 7, "closed", "completed", "2026-11-23T10:00:00Z"));
		return InboundDelivery.of("corr-" + deliveryId, Provider.GITHUB, "issues", deliveryId, Instant.now(),
				Map.of("x-github-event", "issues"), body.getBytes(StandardCharsets.UTF_8));
	}

	private void publish(InboundDelivery delivery) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(delivery.eventId().toString());
		properties.setCorrelationId(delivery.correlationId());
		this.rabbit.send(Destinations.WEBHOOKS_INBOUND, delivery.routingKey(),
				new Message(this.json.writeValueAsBytes(delivery), properties));
	}

	private long rowsFor(InboundDelivery delivery) {
		return this.jdbc.sql("select count(*) from received_delivery where provider = ? and delivery_id = ?")
			.params(delivery.provider(), delivery.deliveryId())
			.query(Long.class)
			.single();
	}

}
