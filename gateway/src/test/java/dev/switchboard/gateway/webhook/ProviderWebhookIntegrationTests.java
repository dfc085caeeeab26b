package dev.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.ProviderRequests;
import dev.switchboard.gateway.ProviderRequests.Signed;
import dev.switchboard.gateway.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every provider through the real HTTP entry point and the real broker: what verifies is
 * published once to its owner's queue with the right routing key; what does not is
 * refused and nothing is published.
 */
@GatewayIntegrationTest
class ProviderWebhookIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	RabbitAdmin admin;

	@Autowired
	JsonMapper json;

	WebhookClient client;

	@BeforeEach
	void emptyTheOwnersQueues() {
		this.client = new WebhookClient(this.port);
		Stream.of(Provider.values())
			.map(Provider::owner)
			.distinct()
			.forEach((owner) -> this.admin.purgeQueue(Destinations.queue(Destinations.WEBHOOKS_INBOUND, owner), false));
	}

	static Stream<Arguments> providers() {
		return Stream.of(
				provider(Provider.GITHUB, "github.issues",
						(id) -> ProviderRequests.github(id, "{\"action\":\"closed\",\"issue\":{\"id\":1}}".getBytes())),
				provider(Provider.JIRA, "jira.jira:issue_updated", ProviderRequests::jira),
				provider(Provider.ZENDESK, "zendesk.zen:event-type:ticket.comment_added",
						(id) -> ProviderRequests.zendesk(id, Instant.now())),
				provider(Provider.TWILIO, "twilio.call-status", ProviderRequests::twilio),
				provider(Provider.REMOTE_SESSION, "remote-session.session.ended",
						(id) -> ProviderRequests.remoteSession(id, Instant.now().getEpochSecond())),
				provider(Provider.STATUSPAGE, "statuspage.incident", ProviderRequests::statuspage));
	}

	private static Arguments provider(Provider provider, String routingKey, Function<String, Signed> request) {
		return Arguments.of(provider, routingKey, request);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("providers")
	void publishesAVerifiedDeliveryOnceToItsOwnerWithTheRightRoutingKey(Provider provider, String routingKey,
			Function<String, Signed> request) {
		String deliveryId = "d-" + UUID.randomUUID();

		HttpResponse<String> first = this.client.send(request.apply(deliveryId));
		HttpResponse<String> again = this.client.send(request.apply(deliveryId));

		assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(again.body()).contains("\"duplicate\":true");
		List<Message> published = drain(provider);
		assertThat(published).hasSize(1);
		Message message = published.get(0);
		assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo(routingKey);
		InboundDelivery delivery = this.json.readValue(message.getBody(), InboundDelivery.class);
		assertThat(delivery.provider()).isEqualTo(provider.id());
		assertThat(delivery.deliveryId()).isEqualTo(deliveryId);
		assertThat(delivery.body()).isEqualTo(request.apply(deliveryId).body());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("providers")
	void refusesAWrongSignatureWith401AndPublishesNothing(Provider provider, String routingKey,
			Function<String, Signed> request) {
		Signed valid = request.apply("d-" + UUID.randomUUID());
		byte[] tampered = valid.body().clone();
		tampered[tampered.length - 2] ^= 0x01;
		Signed forged = new Signed(
				provider == Provider.STATUSPAGE ? "/webhooks/statuspage/wrong-token-0123456789" : valid.path(),
				valid.headers(), tampered);

		HttpResponse<String> response = this.client.send(forged);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(drain(provider)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("providers")
	void refusesABodyOverTheLimitWith413(Provider provider, String routingKey, Function<String, Signed> request) {
		Signed valid = request.apply("d-" + UUID.randomUUID());
		long limit = (provider == Provider.GITHUB)
				? org.springframework.util.unit.DataSize.parse(GatewayIntegrationTest.GITHUB_MAX_BODY).toBytes()
				: 1024 * 1024;
		byte[] huge = new byte[(int) limit + 1];

		HttpResponse<String> response = this.client.post(valid.path(), huge, valid.headers());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(drain(provider)).isEmpty();
	}

	@Test
	void refusesJirasRequestSignedUnderGithubsHeaderName() {
		Signed jira = ProviderRequests.jira("d-" + UUID.randomUUID());
		Signed misnamed = jira.withoutHeader("X-Hub-Signature")
			.withHeader("X-Hub-Signature-256",
					Objects.requireNonNull(jira.headers().get("X-Hub-Signature"), "a Jira request is signed"));

		assertThat(this.client.send(misnamed).statusCode()).isEqualTo(401);
		assertThat(drain(Provider.JIRA)).isEmpty();
	}

	@Test
	void refusesStaleTimestampsWith401() {
		Instant sixMinutesAgo = Instant.now().minusSeconds(360);

		assertThat(this.client.send(ProviderRequests.zendesk("e-" + UUID.randomUUID(), sixMinutesAgo)).statusCode())
			.isEqualTo(401);
		assertThat(this.client
			.send(ProviderRequests.remoteSession("msg_" + UUID.randomUUID(), sixMinutesAgo.getEpochSecond()))
			.statusCode()).isEqualTo(401);
		assertThat(drain(Provider.ZENDESK)).isEmpty();
		assertThat(drain(Provider.REMOTE_SESSION)).isEmpty();
	}

	@Test
	void refusesSignedRequestsThatAreNotWhatTheProviderSendsWith400() {
		Signed twilioWithoutToken = ProviderRequests.twilio("t-1").withoutHeader("I-Twilio-Idempotency-Token");
		Signed jiraWithoutIdentifier = ProviderRequests.jira("j-1").withoutHeader("X-Atlassian-Webhook-Identifier");

		HttpResponse<String> twilio = this.client.send(twilioWithoutToken);
		HttpResponse<String> jira = this.client.send(jiraWithoutIdentifier);

		assertThat(twilio.statusCode()).isEqualTo(400);
		assertThat(twilio.body()).contains("I-Twilio-Idempotency-Token");
		assertThat(jira.statusCode()).isEqualTo(400);
		assertThat(drain(Provider.TWILIO)).isEmpty();
	}

	@Test
	void statuspageWithoutATokenInThePathIs401() {
		Signed statuspage = ProviderRequests.statuspage("u-1");

		assertThat(this.client.post("/webhooks/statuspage", statuspage.body(), statuspage.headers()).statusCode())
			.isEqualTo(401);
	}

	private List<Message> drain(Provider provider) {
		String queue = Destinations.queue(Destinations.WEBHOOKS_INBOUND, provider.owner());
		List<Message> messages = new ArrayList<>();
		Message message;
		while ((message = this.rabbit.receive(queue, 300)) != null) {
			messages.add(message);
		}
		return messages;
	}

}
