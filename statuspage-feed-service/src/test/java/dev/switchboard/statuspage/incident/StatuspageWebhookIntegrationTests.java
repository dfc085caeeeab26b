package dev.switchboard.statuspage.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.IncidentEvent;
import dev.switchboard.contracts.IncidentOpened;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fixtures;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statuspage webhooks as the gateway publishes them on the real broker, matched with the
 * page's feed: one post per update whichever copy comes first, component filters,
 * {@code impact: none}, the webhook grace, and {@code status.incidents}.
 */
@StatuspageIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StatuspageWebhookIntegrationTests {

	@InjectWireMock("slack")
	WireMockServer slack;

	@InjectWireMock("web")
	WireMockServer web;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	AdminApi api;

	@BeforeEach
	void api() {
		this.api = new AdminApi(this.port);
	}

	@Test
	void postsAnUpdateOnceWhenTheWebhookAndTheFeedBothCarryItAndAnnouncesItOnce() throws Exception {
		Queue announcements = listenToStatusIncidents();
		String page = "pgmatch00001";
		String feed = "/" + page + "/history.atom";
		serveFeed(feed, "empty-history.atom");
		slackAnswersOk("CPURGE01", "1763893900.000100");
		slackAnswersOk("CPURGE02", "1763893901.000100");
		this.api.subscribe(statuspageSubscription(page, feed, "CPURGE01", "[\"Cache purge\"]"));
		String billing = this.api.subscribe(statuspageSubscription(page, feed, "CPURGE02", "[\"Billing\"]"));
		awaitFirstPoll(feed);

		InboundDelivery delivery = webhook("statuspage/incident-purge-investigating.json", page);
		publish(delivery);
		publish(delivery);
		publish(delivery);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CPURGE01")).hasSize(1));
		assertThat(posts("CPURGE01").get(0).getBodyAsString()).contains("Slow cache purges").contains("Investigating");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveryStates(billing)).containsExactly("skipped"));

		int fetches = fetches(feed);
		serveFeed(feed, "purge-history.atom");
		await().atMost(Duration.ofSeconds(10)).until(() -> fetches(feed) >= fetches + 2);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(posts("CPURGE01")).hasSize(1));
		assertThat(posts("CPURGE02")).isEmpty();
		assertThat(this.jdbc
			.sql("select count(*) from incident_update u join feed f on f.id = u.feed_id "
					+ "where f.url like ? and u.incident_code = 'kx8mzt0w3vqr'")
			.param("%" + feed)
			.query(Long.class)
			.single()).isEqualTo(1);

		Message announced = this.rabbit.receive(announcements.getName(), 10_000);
		assertThat(announced).isNotNull();
		IncidentEvent event = this.json.readValue(announced.getBody(), IncidentEvent.class);
		assertThat(event).isInstanceOfSatisfying(IncidentOpened.class, (opened) -> {
			assertThat(opened.incidentId()).isEqualTo("kx8mzt0w3vqr");
			assertThat(opened.status()).isEqualTo("investigating");
			assertThat(opened.components()).containsExactly("Cache purge");
			assertThat(opened.occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:28:00Z"));
		});
		assertThat(announced.getMessageProperties().getMessageId()).isEqualTo(event.eventId().toString());
		assertThat(this.rabbit.receive(announcements.getName(), 1_500)).isNull();
		this.admin.deleteQueue(announcements.getName());
	}

	@Test
	void deliversAnIncidentWithImpactNoneWhateverTheComponentFilter() throws Exception {
		String page = "pgnone000001";
		String feed = "/" + page + "/history.atom";
		serveFeed(feed, "empty-history.atom");
		slackAnswersOk("CNONE0001", "1763893902.000100");
		this.api.subscribe(statuspageSubscription(page, feed, "CNONE0001", "[\"CDN\"]"));
		awaitFirstPoll(feed);

		publish(webhook("statuspage/incident-billing-impact-none.json", page));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CNONE0001")).hasSize(1));
		assertThat(posts("CNONE0001").get(0).getBodyAsString()).contains("Delayed invoice e-mails");
	}

	@Test
	void waitsForTheWebhookGraceBeforeFilteringAnUpdateTheFeedShowedFirst() throws Exception {
		String page = "pggrace00001";
		String feed = "/" + page + "/history.atom";
		serveFeed(feed, "empty-history.atom");
		slackAnswersOk("CGRACE001", "1763893903.000100");
		String subscription = this.api.subscribe(statuspageSubscription(page, feed, "CGRACE001", "[\"Billing\"]"));
		awaitFirstPoll(feed);

		serveFeed(feed, "purge-history.atom");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveryStates(subscription)).hasSize(1));
		publish(webhook("statuspage/incident-purge-investigating.json", page));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveryStates(subscription)).containsExactly("skipped"));
		assertThat(posts("CGRACE001")).isEmpty();
	}

	@Test
	void postsALateUpdateInTheThreadWithoutMovingTheParentsStatusBack() throws Exception {
		String page = "pglate000001";
		String feed = "/" + page + "/history.atom";
		serveFeed(feed, "empty-history.atom");
		slackAnswersOk("CLATEUPD1", "1763893904.000100");
		this.slack.stubFor(post("/chat.update").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":true,\"ts\":\"1763893904.000100\"}")));
		this.api.subscribe(statuspageSubscription(page, feed, "CLATEUPD1", "[]"));
		awaitFirstPoll(feed);

		publish(webhookWithOneUpdate(page, "monitoring", "2026-11-23T10:25:12.000Z", "A fix is in place."));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CLATEUPD1")).hasSize(1));
		publish(webhookWithOneUpdate(page, "identified", "2026-11-23T10:20:40.000Z", "We found the cause."));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CLATEUPD1")).hasSize(2));
		assertThat(posts("CLATEUPD1").get(1).getBodyAsString()).contains("\"thread_ts\":\"1763893904.000100\"")
			.contains("Identified");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(this.slack.findAll(postRequestedFor(urlEqualTo("/chat.update"))
				.withRequestBody(matchingJsonPath("$.channel", equalTo("CLATEUPD1"))))).isEmpty());
		assertThat(
				this.jdbc.sql("select latest_status from incident i join feed f on f.id = i.feed_id where f.url like ?")
					.param("%" + feed)
					.query(String.class)
					.single())
			.isEqualTo("monitoring");
	}

	private InboundDelivery webhookWithOneUpdate(String page, String status, String at, String text) throws Exception {
		tools.jackson.databind.node.ObjectNode root = (tools.jackson.databind.node.ObjectNode) this.json
			.readTree(Fixtures.text("statuspage/incident-purge-investigating.json").replace("pg7cdn01xyz9", page));
		tools.jackson.databind.node.ObjectNode update = (tools.jackson.databind.node.ObjectNode) root.path("incident")
			.path("incident_updates")
			.get(0);
		update.put("status", status)
			.put("created_at", at)
			.put("display_at", at)
			.put("body", text)
			.put("id", "upd" + status);
		((tools.jackson.databind.node.ObjectNode) root.path("incident")).put("status", status);
		return InboundDelivery.of("corr-" + UUID.randomUUID(), Provider.STATUSPAGE, "incident", page + "-upd" + status,
				Instant.now(), Map.of(), this.json.writeValueAsBytes(root));
	}

	@Test
	void sendsADeliveryItCannotReadToTheDeadLetterQueueWithoutLoggingItsBody(CapturedOutput output) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId("poison-" + UUID.randomUUID());
		InboundDelivery delivery = InboundDelivery.of("corr-poison", Provider.STATUSPAGE, "incident", "poison-1",
				Instant.now(), Map.of(),
				"{\"incident\": {\"name\": \"secret customer text\"}}".getBytes(StandardCharsets.UTF_8));

		this.rabbit.send(Destinations.WEBHOOKS_INBOUND, "statuspage.incident",
				new Message(this.json.writeValueAsBytes(delivery), properties));

		Message deadLetter = this.rabbit
			.receive(Destinations.deadLetterQueue(Destinations.WEBHOOKS_INBOUND, ServiceNames.STATUSPAGE_FEED), 10_000);
		assertThat(deadLetter).isNotNull();
		assertThat(deadLetter.getMessageProperties().getMessageId()).isEqualTo(properties.getMessageId());
		assertThat(output).contains(properties.getMessageId()).doesNotContain("secret customer text");
	}

	private Queue listenToStatusIncidents() {
		TopicExchange exchange = new TopicExchange(Destinations.STATUS_INCIDENTS, true, false);
		this.admin.declareExchange(exchange);
		Queue queue = new Queue("test.status-incidents." + UUID.randomUUID(), false, false, false);
		this.admin.declareQueue(queue);
		this.admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("#"));
		return queue;
	}

	private InboundDelivery webhook(String fixture, String page) throws Exception {
		String body = Fixtures.text(fixture).replace("pg7cdn01xyz9", page);
		String updateId = this.json.readTree(body)
			.path("incident")
			.path("incident_updates")
			.get(0)
			.path("id")
			.asString();
		return InboundDelivery.of("corr-" + UUID.randomUUID(), Provider.STATUSPAGE, "incident", page + "-" + updateId,
				Instant.now(), Map.of(), body.getBytes(StandardCharsets.UTF_8));
	}

	private void publish(InboundDelivery delivery) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(delivery.eventId().toString());
		properties.setCorrelationId(delivery.correlationId());
		this.rabbit.send(Destinations.WEBHOOKS_INBOUND, delivery.routingKey(),
				new Message(this.json.writeValueAsBytes(delivery), properties));
	}

	private void awaitFirstPoll(String feed) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("select count(*) from feed where url like ? and first_polled_at is not null")
				.param("%" + feed)
				.query(Long.class)
				.single() == 1);
	}

	private void serveFeed(String path, String fixture) {
		this.web.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
			.withBody(Fixtures.bytes("feeds/" + fixture))));
	}

	private int fetches(String feed) {
		return this.web.findAll(getRequestedFor(urlEqualTo(feed))).size();
	}

	private void slackAnswersOk(String channel, String ts) {
		this.slack.stubFor(post("/chat.postMessage").withRequestBody(matchingJsonPath("$.channel", equalTo(channel)))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"}")));
	}

	private String statuspageSubscription(String page, String feed, String channel, String components) {
		return """
				{"name": "Customer %s", "source": {"type": "statuspage", "pageId": "%s", "feedUrl": "%s"},
				 "channel": {"type": "slack", "channelId": "%s"}, "components": %s}
				""".formatted(channel, page, this.web.baseUrl() + feed, channel, components);
	}

	private List<LoggedRequest> posts(String channel) {
		return this.slack.findAll(postRequestedFor(urlEqualTo("/chat.postMessage"))
			.withRequestBody(matchingJsonPath("$.channel", equalTo(channel))));
	}

	private List<String> deliveryStates(String subscription) {
		return this.jdbc.sql("select state from delivery where subscription_id = ?::uuid order by seq")
			.param(subscription)
			.query(String.class)
			.list();
	}

}
