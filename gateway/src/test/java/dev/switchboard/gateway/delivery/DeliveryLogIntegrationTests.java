package dev.switchboard.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.ProviderRequests;
import dev.switchboard.gateway.WebhookClient;
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
 * The delivery log through the admin API: what came in, filtered and paged, and replay.
 */
@GatewayIntegrationTest
class DeliveryLogIntegrationTests {

	private static final String CRM_QUEUE = Destinations.queue(Destinations.WEBHOOKS_INBOUND, ServiceNames.CRM_BRIDGE);

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	RabbitAdmin admin;

	@Autowired
	JsonMapper json;

	@Autowired
	DeliveryLog log;

	WebhookClient client;

	@BeforeEach
	void setUp() {
		this.client = new WebhookClient(this.port);
		this.admin.purgeQueue(CRM_QUEUE, false);
	}

	@Test
	void listsLargeDeliveriesWithoutTheirBodies() {
		String marker = "marker-" + UUID.randomUUID();
		String padding = "x".repeat(2 * 1024 * 1024);
		String firstId = null;
		for (int i = 0; i < 3; i++) {
			byte[] body = ("{\"action\":\"edited\",\"marker\":\"" + marker + "\",\"padding\":\"" + padding + "\"}")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			HttpResponse<String> accepted = this.client.send(ProviderRequests.github(marker + "-" + i, body));
			assertThat(accepted.statusCode()).isEqualTo(202);
			if (firstId == null) {
				firstId = this.json.readTree(accepted.body()).path("eventId").asString();
			}
		}

		HttpResponse<String> page = admin("GET", "/api/deliveries?provider=github&size=200");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(marker + "-0").doesNotContain("\"marker\"").doesNotContain("xxxxxxxx");
		assertThat(page.body().length()).isLessThan(200 * 1024);
		assertThat(admin("GET", "/api/deliveries/" + firstId).body()).contains(marker).contains(padding);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
			.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		DeliveryPage listed = this.log.search(new DeliveryQuery("github", null, null, null, null, 0, 200));
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(listed.items()).extracting(DeliverySummary::deliveryId).contains(marker + "-0", marker + "-2");
		assertThat(allocated).as("bytes allocated to list the page").isLessThan(2L * 1024 * 1024);
	}

	@Test
	void listsAcceptedDeliveriesByProviderWithTheirOutcomeAndServesOneWithItsBody() {
		String token = "t-" + UUID.randomUUID();
		assertThat(this.client.send(ProviderRequests.twilio(token)).statusCode()).isEqualTo(202);
		this.client.send(ProviderRequests.twilio(token));

		JsonNode page = this.json
			.readTree(admin("GET", "/api/deliveries?provider=twilio&outcome=published&size=200").body());
		JsonNode entry = page.path("items")
			.valueStream()
			.filter((item) -> item.path("deliveryId").asString().equals(token))
			.reduce((earlier, later) -> later)
			.orElseThrow(() -> new AssertionError("the delivery is listed"));
		assertThat(entry.path("eventType").asString()).isEqualTo("call-status");
		assertThat(entry.path("outcome").asString()).isEqualTo("published");
		assertThat(entry.path("attempts").asInt()).isEqualTo(2);
		JsonNode one = this.json.readTree(admin("GET", "/api/deliveries/" + entry.path("id").asString()).body());
		assertThat(one.path("body").asString()).contains("CallStatus=completed");
		assertThat(one.path("headers").path("i-twilio-idempotency-token").asString()).isEqualTo(token);
		assertThat(
				this.json
					.readTree(admin("GET",
							"/api/deliveries?provider=jira&from=2000-01-01T00:00:00Z&to="
									+ Instant.now().plusSeconds(60))
						.body())
					.path("items")
					.toString())
			.doesNotContain(token);
	}

	@Test
	void replaysADeliveryWithAReplayOfHeader() {
		String token = "t-" + UUID.randomUUID();
		this.client.send(ProviderRequests.twilio(token));
		Message original = assertThat(this.rabbit.receive(CRM_QUEUE, 5000)).isNotNull().actual();
		UUID id = InboundDelivery.idOf("twilio", token);

		HttpResponse<String> replay = admin("POST", "/api/deliveries/" + id + "/replay");

		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
		Message replayed = assertThat(this.rabbit.receive(CRM_QUEUE, 5000)).isNotNull().actual();
		assertThat(replayed.getMessageProperties().getHeaders()).containsEntry("replay-of", id.toString());
		assertThat(replayed.getMessageProperties().getMessageId())
			.isEqualTo(original.getMessageProperties().getMessageId());
		assertThat(this.json.readValue(replayed.getBody(), InboundDelivery.class))
			.isEqualTo(this.json.readValue(original.getBody(), InboundDelivery.class));
		assertThat(this.log.find(id).orElseThrow().replays()).isEqualTo(1);
	}

	@Test
	void acceptsTheProvidersRetryOfADeliveryTheBrokerDidNotConfirm() {
		String token = "t-" + UUID.randomUUID();
		UUID id = InboundDelivery.idOf("twilio", token);
		InboundDelivery refusedEarlier = InboundDelivery.of("c-1", dev.switchboard.contracts.Provider.TWILIO,
				"call-status", token, Instant.now(), java.util.Map.of(), new byte[] { 1 });
		this.log.record(refusedEarlier, Outcome.UNCONFIRMED);

		HttpResponse<String> retry = this.client.send(ProviderRequests.twilio(token));

		assertThat(retry.statusCode()).as("a delivery answered 503 is not a duplicate").isEqualTo(202);
		assertThat(this.rabbit.receive(CRM_QUEUE, 5000)).isNotNull();
		assertThat(this.log.find(id).orElseThrow().outcome()).isEqualTo(Outcome.PUBLISHED);
		assertThat(this.log.find(id).orElseThrow().attempts()).isEqualTo(2);
	}

	@Test
	void answers404ForAnUnknownDeliveryAnd400ForABadQuery() {
		assertThat(admin("GET", "/api/deliveries/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(admin("POST", "/api/deliveries/" + UUID.randomUUID() + "/replay").statusCode()).isEqualTo(404);
		HttpResponse<String> bad = admin("GET", "/api/deliveries?size=5000");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void purgesEntriesOlderThanTheRetention() {
		InboundDelivery old = InboundDelivery.of("c-1", dev.switchboard.contracts.Provider.JIRA, "jira:issue_updated",
				"old-" + UUID.randomUUID(), Instant.now().minusSeconds(8 * 24 * 3600), java.util.Map.of(),
				new byte[] { 1 });
		this.log.record(old, Outcome.PUBLISHED);

		int removed = this.log.purgeReceivedBefore(Instant.now().minusSeconds(7 * 24 * 3600));

		assertThat(removed).isGreaterThanOrEqualTo(1);
		assertThat(this.log.find(old.eventId())).isEmpty();
	}

	private HttpResponse<String> admin(String method, String path) {
		return this.client.admin(method, path, GatewayIntegrationTest.ADMIN_KEY, null);
	}

}
