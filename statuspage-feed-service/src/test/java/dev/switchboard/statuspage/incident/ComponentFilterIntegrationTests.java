package dev.switchboard.statuspage.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fakes;
import dev.switchboard.statuspage.StatuspageBus;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Component filters hold whichever source names the components: the feed entry's
 * {@code This incident affected: API and Dashboard.} paragraph, or the Statuspage webhook
 * (as the gateway publishes it) for an update the feed showed first. Checked on the fake
 * Slack: a channel filtered to another component gets nothing, an unfiltered one gets its
 * thread.
 */
@StatuspageIntegrationTest
class ComponentFilterIntegrationTests {

	@Autowired
	StatuspageBus bus;

	@InjectWireMock("slack")
	WireMockServer slack;

	@InjectWireMock("web")
	WireMockServer web;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

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
	void filtersAFeedOnlySubscriptionByTheComponentsTheFeedEntryNames() {
		String feed = "/feedonly01/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		Fakes.slackAnswersOk(this.slack, "CFEEDBILL", "1763893920.000100");
		Fakes.slackAnswersOk(this.slack, "CFEEDDASH", "1763893921.000100");
		Fakes.slackAnswersOk(this.slack, "CFEEDALL1", "1763893922.000100");
		String billing = this.api.subscribe(feedSubscription(feed, "CFEEDBILL", "[\"Billing API\"]"));
		this.api.subscribe(feedSubscription(feed, "CFEEDDASH", "[\"dashboard\"]"));
		this.api.subscribe(feedSubscription(feed, "CFEEDALL1", "[]"));
		awaitFirstPoll(feed);

		Fakes.serveFeed(this.web, feed, "api-errors-history.atom");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(posts("CFEEDALL1")).hasSize(1);
			assertThat(posts("CFEEDDASH")).hasSize(1);
		});
		assertThat(posts("CFEEDALL1").get(0).getBodyAsString()).contains("Elevated API error rates");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveryStates(billing)).containsExactly("skipped"));
		assertThat(posts("CFEEDBILL")).isEmpty();
	}

	@Test
	void filtersAStatuspageSubscriptionByTheFeedsComponentsWithoutWaitingForTheWebhook() {
		String page = "pgnamed00001";
		String feed = "/" + page + "/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		Fakes.slackAnswersOk(this.slack, "CNAMEDBIL", "1763893923.000100");
		Fakes.slackAnswersOk(this.slack, "CNAMEDAPI", "1763893924.000100");
		String billing = this.api.subscribe(statuspageSubscription(page, feed, "CNAMEDBIL", "[\"Billing API\"]"));
		String api = this.api.subscribe(statuspageSubscription(page, feed, "CNAMEDAPI", "[\"API\"]"));
		awaitFirstPoll(feed);

		Fakes.serveFeed(this.web, feed, "api-errors-history.atom");

		// the feed named the components: nothing waits for the webhook's grace (4 s here)
		await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
			assertThat(deliveryStates(billing)).containsExactly("skipped");
			assertThat(deliveryStates(api)).containsExactly("sent");
		});
		assertThat(posts("CNAMEDBIL")).isEmpty();
		assertThat(posts("CNAMEDAPI")).hasSize(1);
	}

	@Test
	void filtersAnUpdateTheFeedShowedFirstByTheComponentsOfTheWebhook() throws Exception {
		String page = "pgfeedfirst1";
		String feed = "/" + page + "/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		Fakes.slackAnswersOk(this.slack, "CFIRSTBIL", "1763893925.000100");
		Fakes.slackAnswersOk(this.slack, "CFIRSTALL", "1763893926.000100");
		String billing = this.api.subscribe(statuspageSubscription(page, feed, "CFIRSTBIL", "[\"Billing API\"]"));
		this.api.subscribe(statuspageSubscription(page, feed, "CFIRSTALL", "[]"));
		awaitFirstPoll(feed);
		Fakes.serveFeed(this.web, feed, "api-errors-history-unnamed.atom");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveryStates(billing)).hasSize(1));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(posts("CFIRSTALL")).hasSize(1));

		// Statuspage gives an incident whose components stay operational impact none
		this.bus.publish(this.bus.webhook("statuspage/incident-api-dashboard-impact-none.json", page));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveryStates(billing)).containsExactly("skipped"));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.untilAsserted(() -> assertThat(posts("CFIRSTALL")).hasSize(1));
		assertThat(posts("CFIRSTBIL")).isEmpty();
	}

	@Test
	void keepsWaitingWhenTheWebhookOfAnUpdateTheFeedShowedFirstNamesNoComponents() {
		String page = "pgfeedfirst2";
		String feed = "/" + page + "/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		Fakes.slackAnswersOk(this.slack, "CWAITBILL", "1763893927.000100");
		Fakes.slackAnswersOk(this.slack, "CWAITALL1", "1763893928.000100");
		String billing = this.api.subscribe(statuspageSubscription(page, feed, "CWAITBILL", "[\"Billing API\"]"));
		this.api.subscribe(statuspageSubscription(page, feed, "CWAITALL1", "[]"));
		awaitFirstPoll(feed);
		Fakes.serveFeed(this.web, feed, "api-errors-history-unnamed.atom");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveryStates(billing)).hasSize(1));

		// the documented webhook shape: no components on the incident or its updates
		InboundDelivery bare = this.bus.webhook("statuspage/incident-api-dashboard-without-components.json", page);
		this.bus.publish(bare);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from received_delivery where event_id = ?")
				.param(bare.eventId())
				.query(Long.class)
				.single() == 1);
		// within the grace (4 s here) the feed's entry comes to name them
		Fakes.serveFeed(this.web, feed, "api-errors-history.atom");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveryStates(billing)).containsExactly("skipped"));
		assertThat(posts("CWAITBILL")).isEmpty();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(posts("CWAITALL1")).hasSize(1));
	}

	private void awaitFirstPoll(String feed) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("select count(*) from feed where url like ? and first_polled_at is not null")
				.param("%" + feed)
				.query(Long.class)
				.single() == 1);
	}

	private String feedSubscription(String feed, String channel, String components) {
		return """
				{"name": "Customer %s", "source": {"type": "feed", "url": "%s"},
				 "channel": {"type": "slack", "channelId": "%s"}, "components": %s}
				""".formatted(channel, this.web.baseUrl() + feed, channel, components);
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
