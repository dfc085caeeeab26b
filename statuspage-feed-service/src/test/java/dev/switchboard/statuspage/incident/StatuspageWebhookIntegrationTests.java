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
import java.util.Objects;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.IncidentEvent;
import dev.switchboard.contracts.IncidentOpened;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fakes;
import dev.switchboard.statuspage.Fixtures;
import dev.switchboard.statuspage.StatuspageBus;
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
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statuspage webhooks as the gateway publishes them on the real broker, matched with the
 * page's feed: one post per update whichever copy comes first, component filters (also
 * for {@code impact: none}), the webhook grace, and {@code status.incidents}.
 */
@StatuspageIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StatuspageWebhookIntegrationTests {

	@Autowired
	StatuspageBus bus;

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

	@Autowired
	TransactionTemplate transactions;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	AdminApi api;

	@BeforeEach
	void api() {
		this.api = new AdminApi(this.port, this.managementPort);
	}

	@Test
	void postsAnUpdateOnceWhenTheWebhookAndTheFeedBothCarryItAndAnnouncesItOnce() throws Exception {
		Queue announcements = listenToStatusIncidents();
		String page = "pgmatch00001";
		String feed = "/" + page + "/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		Fakes.slackAnswersOk(this.slack, "CPURGE01", "1763893900.000100");
		Fakes.slackAnswersOk(this.slack, "CPURGE02", "1763893901.000100");
		this.api.subscribe(statuspageSubscription(page, feed, "CPURGE01", "[\"Cache purge\"]"));
		String billing = this.api.subscribe(statuspageSubscription(page, feed, "CPURGE02", "[\"Billing\"]"));
		awaitFirstPoll(feed);

		InboundDelivery delivery = this.bus.webhook("statuspage/incident-purge-investigating.json", page);
		this.bus.publish(delivery);
		this.bus.publish(delivery);
		this.bus.publish(delivery);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CPURGE01")).hasSize(1));
		assertThat(posts("CPURGE01").get(0).getBodyAsString()).contains("Slow cache purges").contains("Investigating");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveryStates(billing)).containsExactly("skipped"));

		int fetches = fetches(feed);
		Fakes.serveFeed(this.web, feed, "purge-history.atom");
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

		Message announced = Objects.requireNonNull(this.rabbit.receive(announcements.getName(), 10_000),
				"nothing announced on status.incidents within 10 s");
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
	void filtersAnIncidentWithImpactNoneByTheComponentsItNames() throws Exception {
		String page = "pgnone000001";
		String feed = "/" + page + "/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		Fakes.slackAnswersOk(this.slack, "CNONE0001", "1763893902.000100");
		Fakes.slackAnswersOk(this.slack, "CNONE0002", "1763893902.000200");
		String cdn = this.api.subscribe(statuspageSubscription(page, feed, "CNONE0001", "[\"CDN\"]"));
		this.api.subscribe(statuspageSubscription(page, feed, "CNONE0002", "[\"Billing\"]"));
		awaitFirstPoll(feed);

		this.bus.publish(this.bus.webhook("statuspage/incident-billing-impact-none.json", page));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CNONE0002")).hasSize(1));
		assertThat(posts("CNONE0002").get(0).getBodyAsString()).contains("Delayed invoice e-mails");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveryStates(cdn)).containsExactly("skipped"));
		assertThat(posts("CNONE0001")).isEmpty();
	}

	@Test
	void countsAnEventNobodyListensToWithoutAWarning(CapturedOutput output) throws Exception {
		// no queue is bound to status.incidents here (the test that binds one removes it)
		String page = "pgunrouted01";
		String feed = subscribeToAQuietPage(page, "CUNROUTE1", "[]");

		this.bus.publish(this.bus.webhook("statuspage/incident-billing-impact-none.json", page));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(announcedUpdates(feed)).isEqualTo(1));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.api.get("/actuator/prometheus").body()).containsPattern(
					"switchboard_incidents_unrouted_total\\{[^}]*exchange=\"status.incidents\"[^}]*\\} [1-9]"));
		assertThat(output).doesNotContain("Returned message but no callback available");
	}

	@Test
	void addsASubscriptionOnlyAfterAnUpdateBeingRecordedForItsFeedCommits() throws Exception {
		String page = "pgrace000001";
		String feed = subscribeToAQuietPage(page, "CRACE0001", "[]");
		Fakes.slackAnswersOk(this.slack, "CRACE0002", "1763893905.000100");
		// an update of this feed is being recorded: the recorder holds the feed's row
		Runnable release = holdFeedRow(feed, "update");
		CompletableFuture<String> second = CompletableFuture
			.supplyAsync(() -> this.api.subscribe(statuspageSubscription(page, feed, "CRACE0002", "[]")));

		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
		release.run();
		second.get(10, TimeUnit.SECONDS);
	}

	@Test
	void recordsAnUpdateOnlyAfterASubscriptionBeingAddedToItsFeedCommits() throws Exception {
		String page = "pgrace000002";
		String feed = subscribeToAQuietPage(page, "CRACE0003", "[]");
		// a subscription to this feed is being added: its insert holds the feed's key
		Runnable release = holdFeedRow(feed, "key share");

		this.bus.publish(this.bus.webhook("statuspage/incident-billing-impact-none.json", page));

		// the fan-out waits for it (else the new subscription could miss the update)
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> updatesOf(feed) == 0);
		release.run();
		await().atMost(Duration.ofSeconds(10)).until(() -> updatesOf(feed) == 1);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CRACE0003")).hasSize(1));
	}

	/**
	 * Holds the feed's row in another transaction ({@code for update}, {@code for key
	 * share}) until the returned action is run.
	 */
	private Runnable holdFeedRow(String feed, String lockMode) throws Exception {
		UUID feedId = this.jdbc.sql("select id from feed where url like ?")
			.param("%" + feed)
			.query(UUID.class)
			.single();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("select id from feed where id = ? for " + lockMode)
					.param(feedId)
					.query(UUID.class)
					.single();
				held.countDown();
				await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
			}));
		assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
		return () -> {
			release.countDown();
			holder.join();
		};
	}

	private long updatesOf(String feed) {
		return this.jdbc
			.sql("select count(*) from incident_update u join feed f on f.id = u.feed_id where f.url like ?")
			.param("%" + feed)
			.query(Long.class)
			.single();
	}

	@Test
	void waitsForTheWebhookGraceBeforeFilteringAnUpdateTheFeedShowedFirst() throws Exception {
		String page = "pggrace00001";
		String feed = "/" + page + "/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		Fakes.slackAnswersOk(this.slack, "CGRACE001", "1763893903.000100");
		Fakes.slackAnswersOk(this.slack, "CGRACE002", "1763893903.000200");
		String subscription = this.api.subscribe(statuspageSubscription(page, feed, "CGRACE001", "[\"Billing\"]"));
		String unfiltered = this.api.subscribe(statuspageSubscription(page, feed, "CGRACE002", "[]"));
		awaitFirstPoll(feed);

		Fakes.serveFeed(this.web, feed, "purge-history.atom");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveryStates(subscription)).hasSize(1));
		// only a component filter needs the webhook's components: the unfiltered
		// subscription does not wait
		assertThat(this.jdbc.sql("select next_attempt_at > created_at from delivery where subscription_id = ?::uuid")
			.param(subscription)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("select next_attempt_at > created_at from delivery where subscription_id = ?::uuid")
			.param(unfiltered)
			.query(Boolean.class)
			.single()).isFalse();
		this.bus.publish(this.bus.webhook("statuspage/incident-purge-investigating.json", page));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveryStates(subscription)).containsExactly("skipped"));
		assertThat(posts("CGRACE001")).isEmpty();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(posts("CGRACE002")).hasSize(1));
	}

	@Test
	void postsALateUpdateInTheThreadWithoutMovingTheParentsStatusBack() throws Exception {
		String page = "pglate000001";
		String feed = "/" + page + "/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		Fakes.slackAnswersOk(this.slack, "CLATEUPD1", "1763893904.000100");
		this.slack.stubFor(post("/chat.update").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":true,\"ts\":\"1763893904.000100\"}")));
		this.api.subscribe(statuspageSubscription(page, feed, "CLATEUPD1", "[]"));
		awaitFirstPoll(feed);

		this.bus.publish(webhookWithOneUpdate(page, "monitoring", "2026-11-23T10:25:12.000Z", "A fix is in place."));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CLATEUPD1")).hasSize(1));
		this.bus.publish(webhookWithOneUpdate(page, "identified", "2026-11-23T10:20:40.000Z", "We found the cause."));

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

		Message deadLetter = Objects.requireNonNull(this.rabbit
			.receive(Destinations.deadLetterQueue(Destinations.WEBHOOKS_INBOUND, ServiceNames.STATUSPAGE_FEED), 10_000),
				"nothing dead-lettered within 10 s");
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

	private void awaitFirstPoll(String feed) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("select count(*) from feed where url like ? and first_polled_at is not null")
				.param("%" + feed)
				.query(Long.class)
				.single() == 1);
	}

	/**
	 * A Statuspage subscription whose feed shows no incident yet, read once.
	 * @return the feed's path
	 */
	private String subscribeToAQuietPage(String page, String channel, String components) {
		String feed = "/" + page + "/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		Fakes.slackAnswersOk(this.slack, channel, "1763893902.000100");
		this.api.subscribe(statuspageSubscription(page, feed, channel, components));
		awaitFirstPoll(feed);
		return feed;
	}

	private long announcedUpdates(String feed) {
		return this.jdbc.sql("""
				select count(*) from incident_update u join feed f on f.id = u.feed_id
				where f.url like ? and u.published_at is not null
				""").param("%" + feed).query(Long.class).single();
	}

	private int fetches(String feed) {
		return this.web.findAll(getRequestedFor(urlEqualTo(feed))).size();
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
			.list()
			.stream()
			.map((state) -> Objects.requireNonNull(state, "delivery.state is not null"))
			.toList();
	}

}
