package dev.switchboard.statuspage.posting;

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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fakes;
import dev.switchboard.statuspage.Fixtures;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Statuspage-style Atom feed read by the real poller, posted to a fake Slack: parent,
 * thread replies, coalesced parent edits, the first-run window, 429 and
 * {@code not_in_channel}.
 */
@StatuspageIntegrationTest
class SlackThreadIntegrationTests {

	@InjectWireMock("slack")
	WireMockServer slack;

	@InjectWireMock("web")
	WireMockServer web;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	AdminApi api;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void api() {
		this.api = new AdminApi(this.port, this.managementPort);
	}

	@Test
	void postsTheParentThenRepliesInItsThreadAndEditsTheParentToTheLatestStatus() {
		String feed = "/cdn-thread/history.atom";
		serveFeed(feed, "cdn-history-1.atom", "\"v1\"");
		Fakes.slackAnswersOk(this.slack, "CTHREAD01", "1763893800.000100");
		String subscription = this.api
			.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CTHREAD01"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CTHREAD01")).hasSize(1));
		JsonNode parent = body(posts("CTHREAD01").get(0));
		assertThat(parent.has("thread_ts")).isFalse();
		assertThat(parent.toString()).contains("Elevated error rates on the CDN in Europe")
			.contains("Investigating")
			.contains("https://status.example-cdn.com/incidents/p3zrvw7mg8hd");

		serveFeed(feed, "cdn-history-3.atom", "\"v3\"");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CTHREAD01")).hasSize(3));
		List<JsonNode> replies = posts("CTHREAD01").stream().skip(1).map(this::body).toList();
		assertThat(replies).extracting((reply) -> reply.path("thread_ts").asString()).containsOnly("1763893800.000100");
		assertThat(replies).extracting((reply) -> reply.path("text").asString())
			.satisfiesExactly((text) -> assertThat(text).startsWith("*Identified*"),
					(text) -> assertThat(text).startsWith("*Monitoring*"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(edits("CTHREAD01")).last()
				.satisfies((edit) -> assertThat(body(edit).path("text").asString()).endsWith("Monitoring")));
		assertThat(edits("CTHREAD01")).hasSizeLessThanOrEqualTo(2)
			.allSatisfy((edit) -> assertThat(body(edit).path("ts").asString()).isEqualTo("1763893800.000100"));
		// first run: the maintenance of Nov 18-20 was recorded, never posted
		assertThat(deliveries(subscription)).isEqualTo(3);
		assertThat(this.jdbc
			.sql("select count(*) from incident_update u join feed f on f.id = u.feed_id "
					+ "where f.url like '%/cdn-thread/%' and u.incident_code = 'y2k9dq4lbn7c' and not u.deliverable")
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void readsAWholeFeedAgainWithoutPostingAnythingTwice() {
		String feed = "/cdn-reread/history.atom";
		serveFeed(feed, "cdn-history-3.atom", "\"r3\"");
		Fakes.slackAnswersOk(this.slack, "CREREAD01", "1763893801.000100");
		String subscription = this.api
			.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CREREAD01"));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CREREAD01")).hasSize(3));
		int fetches = this.web.findAll(getRequestedFor(urlEqualTo(feed))).size();

		// as after a restart that lost the validators: the whole feed comes back
		this.jdbc.sql("update feed set etag = null, last_modified = null where url like ?").param("%" + feed).update();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.web.findAll(getRequestedFor(urlEqualTo(feed))).size() >= fetches + 3);

		assertThat(posts("CREREAD01")).hasSize(3);
		assertThat(deliveries(subscription)).isEqualTo(3);
	}

	@Test
	void givesANewSubscriptionTheOpenIncidentsWithTheirCurrentStatusNotTheHistory() {
		String feed = "/cdn-late/history.atom";
		serveFeed(feed, "cdn-history-3.atom", "\"o3\"");
		Fakes.slackAnswersOk(this.slack, "CEARLY001", "1763893804.000100");
		Fakes.slackAnswersOk(this.slack, "CLATE0001", "1763893805.000100");
		this.api.subscribe(Fakes.slackFeedSubscription("Early", this.web.baseUrl() + feed, "CEARLY001"));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CEARLY001")).hasSize(3));

		String late = this.api.subscribe(Fakes.slackFeedSubscription("Late", this.web.baseUrl() + feed, "CLATE0001"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CLATE0001")).hasSize(1));
		JsonNode parent = body(posts("CLATE0001").get(0));
		assertThat(parent.has("thread_ts")).isFalse();
		assertThat(parent.toString()).contains("Elevated error rates on the CDN in Europe").contains("Monitoring");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(posts("CLATE0001")).hasSize(1));
		assertThat(deliveries(late)).isEqualTo(1);
	}

	@Test
	void parksADeliveryForTheRetryAfterOfASlack429() {
		String feed = "/cdn-429/history.atom";
		serveFeed(feed, "cdn-history-1.atom", "\"l1\"");
		this.slack.stubFor(post("/chat.postMessage").withRequestBody(matchingJsonPath("$.channel", equalTo("CLIMIT01")))
			.inScenario("limited")
			.whenScenarioStateIs("Started")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
			.willSetStateTo("open"));
		this.slack.stubFor(post("/chat.postMessage").withRequestBody(matchingJsonPath("$.channel", equalTo("CLIMIT01")))
			.inScenario("limited")
			.whenScenarioStateIs("open")
			.willReturn(okJson("{\"ok\":true,\"channel\":\"CLIMIT01\",\"ts\":\"1763893802.000100\"}")));
		String subscription = this.api
			.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CLIMIT01"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CLIMIT01")).hasSize(1));
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(
					() -> assertThat(this.jdbc.sql("select last_error from delivery where subscription_id = ?::uuid")
						.param(subscription)
						.query((rs, row) -> String.valueOf(rs.getString(1)))
						.single()).isEqualTo("slack 429"));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CLIMIT01")).hasSize(2));

		List<LoggedRequest> calls = posts("CLIMIT01");
		long waitedMillis = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
		assertThat(waitedMillis).isGreaterThanOrEqualTo(3000);
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.jdbc.sql("select state from delivery where subscription_id = ?::uuid")
				.param(subscription)
				.query(String.class)
				.single()).isEqualTo("sent"));
	}

	@Test
	void parksASlack429OnTheChannelAloneForEverySubscriptionPostingThere() {
		String first = "/cdn-share429a/history.atom";
		String second = "/cdn-share429b/history.atom";
		serveFeed(first, "cdn-history-1.atom", "\"s1\"");
		serveFeed(second, "api-errors-history.atom", "\"s2\"");
		this.slack
			.stubFor(post("/chat.postMessage").withRequestBody(matchingJsonPath("$.channel", equalTo("CSHARE429")))
				.inScenario("shared-limited")
				.whenScenarioStateIs("Started")
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
				.willSetStateTo("open"));
		this.slack
			.stubFor(post("/chat.postMessage").withRequestBody(matchingJsonPath("$.channel", equalTo("CSHARE429")))
				.inScenario("shared-limited")
				.whenScenarioStateIs("open")
				.willReturn(okJson("{\"ok\":true,\"channel\":\"CSHARE429\",\"ts\":\"1763893803.000100\"}")));
		this.api.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + first, "CSHARE429"));
		this.api.subscribe(Fakes.slackFeedSubscription("Acme API", this.web.baseUrl() + second, "CSHARE429"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CSHARE429")).hasSize(1));
		long limitedAt = posts("CSHARE429").get(0).getLoggedDate().getTime();
		await().atMost(Duration.ofSeconds(2))
			.until(() -> this.jdbc
				.sql("select count(*) from delivery d join subscription s on s.id = d.subscription_id "
						+ "where s.channel_target = 'CSHARE429' and d.last_error = 'slack 429'")
				.query(Long.class)
				.single() == 1);
		// the wait is the channel's alone: the delivery's own row is not parked as well
		assertThat(this.jdbc
			.sql("select count(*) from delivery d join subscription s on s.id = d.subscription_id "
					+ "where s.channel_target = 'CSHARE429' and d.next_attempt_at > d.created_at")
			.query(Long.class)
			.single()).isZero();
		// the channel holds it: until its Retry-After from the 429 (the service's clock)
		assertThat(this.jdbc.sql("""
				select count(*) from destination c, delivery d join subscription s on s.id = d.subscription_id
				where c.address = 'slack:CSHARE429' and s.channel_target = 'CSHARE429' and d.last_error = 'slack 429'
				    and c.next_send_at >= d.created_at + interval '3 seconds'
				""").query(Long.class).single()).isOne();

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CSHARE429")).hasSize(3));
		// neither subscription posted to the channel before its Retry-After had passed
		assertThat(posts("CSHARE429").get(1).getLoggedDate().getTime() - limitedAt).isGreaterThanOrEqualTo(3000);
	}

	@Test
	void holdsParentEditsForTheRetryAfterOfAChatUpdate429() {
		String feed = "/cdn-edit429/history.atom";
		serveFeed(feed, "cdn-history-1.atom", "\"e1\"");
		Fakes.slackAnswersOk(this.slack, "CEDIT4291", "1763893810.000100");
		this.slack.stubFor(post("/chat.update").withRequestBody(matchingJsonPath("$.channel", equalTo("CEDIT4291")))
			.inScenario("edit-limited")
			.whenScenarioStateIs("Started")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
			.willSetStateTo("open"));
		this.slack.stubFor(post("/chat.update").withRequestBody(matchingJsonPath("$.channel", equalTo("CEDIT4291")))
			.inScenario("edit-limited")
			.whenScenarioStateIs("open")
			.willReturn(okJson("{\"ok\":true,\"channel\":\"CEDIT4291\",\"ts\":\"1763893810.000100\"}")));
		this.api.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CEDIT4291"));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CEDIT4291")).hasSize(1));

		serveFeed(feed, "cdn-history-3.atom", "\"e3\"");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(edits("CEDIT4291")).hasSizeGreaterThanOrEqualTo(2)
				.last()
				.satisfies((edit) -> assertThat(body(edit).path("text").asString()).endsWith("Monitoring")));
		List<Long> tried = edits("CEDIT4291").stream().map((edit) -> edit.getLoggedDate().getTime()).sorted().toList();
		// the first edit got 429 Retry-After: 3; no edit went out before it had passed
		assertThat(tried.get(1) - tried.get(0)).isGreaterThanOrEqualTo(3000);
	}

	@Test
	void marksTheSubscriptionFailingWhenTheBotIsNotInTheChannelAndDeliversInOrderOnceResumed() {
		String feed = "/cdn-notin/history.atom";
		serveFeed(feed, "cdn-history-3.atom", "\"n3\"");
		this.slack.stubFor(post("/chat.postMessage").withRequestBody(matchingJsonPath("$.channel", equalTo("CNOTIN01")))
			.willReturn(okJson("{\"ok\":false,\"error\":\"not_in_channel\"}")));
		String subscription = this.api
			.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CNOTIN01"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode view = this.api.json(this.api.get("/api/subscriptions/" + subscription));
			assertThat(view.path("state").asString()).isEqualTo("failing");
			assertThat(view.path("failureReason").asString()).isEqualTo("not_in_channel");
			assertThat(view.path("pendingDeliveries").asLong()).isEqualTo(3);
		});
		assertThat(this.api.get("/actuator/prometheus").body())
			.containsPattern("switchboard_subscriptions\\{[^}]*state=\"failing\"[^}]*\\} [1-9]");
		// no retry storm: a failing subscription is not tried again until it is resumed
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(posts("CNOTIN01")).hasSize(1));

		Fakes.slackAnswersOk(this.slack, "CNOTIN01", "1763893803.000100");
		this.api.patch("/api/subscriptions/" + subscription, "{\"state\": \"active\"}");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CNOTIN01")).hasSize(4));
		assertThat(posts("CNOTIN01").stream().skip(1).map(this::body).toList())
			.extracting((post) -> post.path("text").asString())
			.satisfiesExactly((text) -> assertThat(text).contains("Investigating"),
					(text) -> assertThat(text).startsWith("*Identified*"),
					(text) -> assertThat(text).startsWith("*Monitoring*"));
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			JsonNode view = this.api.json(this.api.get("/api/subscriptions/" + subscription));
			assertThat(view.path("state").asString()).isEqualTo("active");
			assertThat(view.path("pendingDeliveries").asLong()).isZero();
		});
	}

	@Test
	void sendsAChannelOneMessagePerSecondCountedFromSlacksAnswer() {
		String feed = "/cdn-pace/history.atom";
		serveFeed(feed, "cdn-history-3.atom", "\"p3\"");
		Fakes.slackAnswersOk(this.slack, "CPACE0001", "1763893806.000100");
		this.api.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CPACE0001"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts("CPACE0001")).hasSize(3));
		List<Long> received = posts("CPACE0001").stream()
			.map((post) -> post.getLoggedDate().getTime())
			.sorted()
			.toList();
		assertThat(received.get(1) - received.get(0)).isGreaterThanOrEqualTo(1000);
		assertThat(received.get(2) - received.get(1)).isGreaterThanOrEqualTo(1000);
	}

	@Test
	void spendsTheWorkspaceCeilingEvenlyAcrossChannels() {
		// workspace-messages-per-minute=300 in these tests: one message every 200 ms
		String feed = "/cdn-ceiling/history.atom";
		serveFeed(feed, "cdn-history-1.atom", "\"c1\"");
		List<String> channels = IntStream.range(0, 8).mapToObj((n) -> "CCEILING" + n).toList();
		channels
			.forEach((channel) -> Fakes.slackAnswersOk(this.slack, channel, "1763893807.00010" + channel.charAt(8)));
		channels.forEach((channel) -> this.api
			.subscribe(Fakes.slackFeedSubscription("Customer " + channel, this.web.baseUrl() + feed, channel)));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(channels).allSatisfy((channel) -> assertThat(posts(channel)).hasSize(1)));
		List<Long> received = channels.stream()
			.map((channel) -> posts(channel).get(0).getLoggedDate().getTime())
			.sorted()
			.toList();
		// seven slots 200 ms apart (1.4 s). A loaded machine can delay the first post
		// after its slot by a few hundred ms, so five gaps are required: without the
		// ceiling the eight posts go out together
		assertThat(received.getLast() - received.getFirst()).isGreaterThanOrEqualTo(5 * 200);
	}

	@Test
	void listsADeliveryThatFailedAndSendsItAgainWhenAsked() {
		String feed = "/cdn-retry/history.atom";
		serveFeed(feed, "cdn-history-1.atom", "\"f1\"");
		this.slack
			.stubFor(post("/chat.postMessage").withRequestBody(matchingJsonPath("$.channel", equalTo("CRETRY001")))
				.willReturn(aResponse().withStatus(503)));
		// a 503 may come after Slack took the post: the channel is looked at before each
		// post that follows one
		this.slack.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/conversations.history"))
			.willReturn(okJson("{\"ok\":true,\"messages\":[],\"has_more\":false}")));
		String subscription = this.api
			.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CRETRY001"));
		String deliveries = "/api/subscriptions/" + subscription + "/deliveries";

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.api.json(this.api.get(deliveries + "?state=failed"))).hasSize(1));
		JsonNode failed = this.api.json(this.api.get(deliveries + "?state=failed")).get(0);
		assertThat(failed.path("incident").asString()).isEqualTo("p3zrvw7mg8hd");
		assertThat(failed.path("status").asString()).isEqualTo("investigating");
		assertThat(failed.path("attempts").asInt()).isEqualTo(3);
		assertThat(failed.path("lastError").asString()).isEqualTo("slack HTTP 503");
		assertThat(this.api.json(this.api.get("/api/subscriptions/" + subscription)).path("failedDeliveries").asLong())
			.isEqualTo(1);

		// the channel works again: the operator sends what failed
		Fakes.slackAnswersOk(this.slack, "CRETRY001", "1763893808.000100");
		HttpResponse<String> retried = this.api.post(deliveries + "/retry", "");
		assertThat(retried.statusCode()).isEqualTo(200);
		assertThat(this.api.json(retried).path("requeued").asInt()).isEqualTo(1);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.api.json(this.api.get(deliveries + "?state=sent"))).hasSize(1));
		assertThat(this.api.json(this.api.get(deliveries))).hasSize(1);
		assertThat(this.api.get(deliveries + "?state=lost").statusCode()).isEqualTo(400);
		HttpResponse<String> unknown = this.api.post("/api/subscriptions/" + UUID.randomUUID() + "/deliveries/retry",
				"");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private void serveFeed(String path, String fixture, String etag) {
		this.web.stubFor(get(path).withHeader("If-None-Match", equalTo(etag)).willReturn(aResponse().withStatus(304)));
		this.web.stubFor(get(path)
			.withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.notContaining(etag))
			.willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
				.withHeader("ETag", etag)
				.withBody(Fixtures.bytes("feeds/" + fixture))));
		this.web.stubFor(get(path).withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.absent())
			.willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
				.withHeader("ETag", etag)
				.withBody(Fixtures.bytes("feeds/" + fixture))));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

	private List<LoggedRequest> posts(String channel) {
		return this.slack.findAll(postRequestedFor(urlEqualTo("/chat.postMessage"))
			.withRequestBody(matchingJsonPath("$.channel", equalTo(channel))));
	}

	private List<LoggedRequest> edits(String channel) {
		return this.slack.findAll(postRequestedFor(urlEqualTo("/chat.update"))
			.withRequestBody(matchingJsonPath("$.channel", equalTo(channel))));
	}

	private long deliveries(String subscription) {
		return this.jdbc.sql("select count(*) from delivery where subscription_id = ?::uuid")
			.param(subscription)
			.query(Long.class)
			.single();
	}

	private JsonNode body(LoggedRequest request) {
		return this.json.readTree(request.getBodyAsString());
	}

}
