package dev.switchboard.statuspage.posting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fakes;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Slack post whose outcome is unknown (Slack took it, then the answer never came back;
 * or the process was killed between the call and the commit) is looked up by its metadata
 * before it is posted again: posted once, one thread per incident.
 */
@StatuspageIntegrationTest
class SlackReconciliationIntegrationTests {

	@InjectWireMock("slack")
	WireMockServer slack;

	@InjectWireMock("web")
	WireMockServer web;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	AdminApi api;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void api() {
		this.api = new AdminApi(this.port);
	}

	@Test
	void findsAParentWhoseAnswerTimedOutAndRepliesInItsThreadWithoutPostingItAgain() {
		String feed = "/recon-found/history.atom";
		Fakes.serveFeed(this.web, feed, "cdn-history-1.atom");
		// Slack takes the parent, then answers after the client's read timeout (2 s)
		stubParent("CRECON001",
				ok("{\"ok\":true,\"channel\":\"CRECON001\",\"ts\":\"1763894000.000100\"}").withFixedDelay(3500));
		stubReplies("CRECON001");
		String subscription = this.api
			.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CRECON001"));
		String clientId = clientIdOfTheFirstDelivery(subscription);
		stubHistory("CRECON001", "1763894000.000100", clientId);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(states(subscription)).containsExactly("sent"));
		assertThat(parents("CRECON001")).hasSize(1)
			.allSatisfy(
					(post) -> assertThat(body(post).path("metadata").path("event_payload").path("delivery").asString())
						.isEqualTo(clientId));
		assertThat(threadTs(subscription)).isEqualTo("1763894000.000100");
		this.slack.verify(getRequestedFor(urlPathEqualTo("/conversations.history"))
			.withQueryParam("channel", equalTo("CRECON001"))
			.withQueryParam("include_all_metadata", equalTo("true")));

		Fakes.serveFeed(this.web, feed, "cdn-history-3.atom");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(replies("CRECON001")).hasSize(2));
		assertThat(replies("CRECON001")).extracting((reply) -> body(reply).path("thread_ts").asString())
			.containsOnly("1763894000.000100");
		assertThat(parents("CRECON001")).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from slack_thread where subscription_id = ?::uuid")
			.param(subscription)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void postsAgainExactlyOnceWhenSlackDoesNotShowThePostWhoseAnswerTimedOut() {
		String feed = "/recon-absent/history.atom";
		Fakes.serveFeed(this.web, feed, "cdn-history-1.atom");
		this.slack
			.stubFor(post("/chat.postMessage").withRequestBody(matchingJsonPath("$.channel", equalTo("CRECON002")))
				.inScenario("stalled")
				.whenScenarioStateIs("Started")
				.willReturn(aResponse().withStatus(504).withFixedDelay(3500))
				.willSetStateTo("answering"));
		this.slack
			.stubFor(post("/chat.postMessage").withRequestBody(matchingJsonPath("$.channel", equalTo("CRECON002")))
				.inScenario("stalled")
				.whenScenarioStateIs("answering")
				.willReturn(ok("{\"ok\":true,\"channel\":\"CRECON002\",\"ts\":\"1763894100.000100\"}")));
		this.slack.stubFor(get(urlPathEqualTo("/conversations.history")).withQueryParam("channel", equalTo("CRECON002"))
			.willReturn(ok("{\"ok\":true,\"messages\":[],\"has_more\":false}")));
		String subscription = this.api
			.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CRECON002"));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(states(subscription)).containsExactly("sent"));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.untilAsserted(() -> assertThat(parents("CRECON002")).hasSize(2));
		assertThat(parents("CRECON002"))
			.extracting((post) -> body(post).path("metadata").path("event_payload").path("delivery").asString())
			.containsOnly(clientIdOfTheFirstDelivery(subscription));
		assertThat(threadTs(subscription)).isEqualTo("1763894100.000100");
		this.slack.verify(1, getRequestedFor(urlPathEqualTo("/conversations.history")).withQueryParam("channel",
				equalTo("CRECON002")));
	}

	@Test
	void reconcilesAnIntentLeftInFlightByAKilledAttemptInsteadOfPostingBlindly() {
		String feed = "/recon-killed/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		Fakes.slackAnswersOk(this.slack, "CRECON003", "1763894200.000999");
		String subscription = this.api
			.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CRECON003"));
		String destination = holdDestination(subscription);
		Fakes.serveFeed(this.web, feed, "cdn-history-1.atom");
		String clientId = clientIdOfTheFirstDelivery(subscription);
		// as a kill between Slack's answer and the commit leaves it: the intent
		// committed,
		// the delivery still pending
		this.jdbc.sql("""
				insert into post_intent (delivery_seq, client_id, kind, channel, thread_ts, state, recorded_at)
				select seq, ?, 'parent', 'CRECON003', null, 'in_flight', ? from delivery where subscription_id = ?::uuid
				""").params(clientId, Timestamp.from(this.clock.instant()), subscription).update();
		stubHistory("CRECON003", "1763894200.000100", clientId);

		this.jdbc.sql("update destination set next_send_at = ? where address = ?")
			.params(Timestamp.valueOf("2000-01-01 00:00:00"), destination)
			.update();

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(states(subscription)).containsExactly("sent"));
		assertThat(parents("CRECON003")).isEmpty();
		assertThat(threadTs(subscription)).isEqualTo("1763894200.000100");
		assertThat(this.jdbc.sql("select count(*) from post_intent where client_id = ?")
			.param(clientId)
			.query(Long.class)
			.single()).isZero();
	}

	/** Keeps the worker away from the subscription's destination until released. */
	private String holdDestination(String subscription) {
		String destination = this.jdbc.sql("select destination from subscription where id = ?::uuid")
			.param(subscription)
			.query(String.class)
			.single();
		this.jdbc.sql("update destination set next_send_at = ? where address = ?")
			.params(Timestamp.valueOf("2099-01-01 00:00:00"), destination)
			.update();
		return destination;
	}

	private String clientIdOfTheFirstDelivery(String subscription) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from delivery where subscription_id = ?::uuid")
				.param(subscription)
				.query(Long.class)
				.single() > 0);
		return "sb:" + subscription + ":"
				+ this.jdbc.sql("select update_id from delivery where subscription_id = ?::uuid order by seq limit 1")
					.param(subscription)
					.query(String.class)
					.single();
	}

	private void stubParent(String channel, ResponseDefinitionBuilder answer) {
		this.slack.stubFor(post("/chat.postMessage").atPriority(5)
			.withRequestBody(matchingJsonPath("$.channel", equalTo(channel)))
			.willReturn(answer));
	}

	private void stubReplies(String channel) {
		this.slack.stubFor(post("/chat.postMessage").atPriority(1)
			.withRequestBody(matchingJsonPath("$.channel", equalTo(channel)))
			.withRequestBody(matchingJsonPath("$.thread_ts"))
			.willReturn(ok("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1763894300.000100\"}")));
	}

	/** The channel's history holds the parent with the delivery's metadata. */
	private void stubHistory(String channel, String ts, String clientId) {
		this.slack.stubFor(get(urlPathEqualTo("/conversations.history")).withQueryParam("channel", equalTo(channel))
			.willReturn(ok("""
					{"ok":true,"messages":[
					  {"type":"message","ts":"1763894000.000050","text":"someone else"},
					  {"type":"message","ts":"%s","text":"Investigating",
					   "metadata":{"event_type":"switchboard_update","event_payload":{"delivery":"%s"}}}],
					 "has_more":false}
					""".formatted(ts, clientId))));
	}

	private List<String> states(String subscription) {
		return this.jdbc.sql("select state from delivery where subscription_id = ?::uuid order by seq")
			.param(subscription)
			.query(String.class)
			.list()
			.stream()
			.map((state) -> Objects.requireNonNull(state, "delivery.state is not null"))
			.toList();
	}

	private String threadTs(String subscription) {
		return this.jdbc.sql("select ts from slack_thread where subscription_id = ?::uuid")
			.param(subscription)
			.query(String.class)
			.single();
	}

	private List<LoggedRequest> parents(String channel) {
		return posts(channel).stream().filter((post) -> !body(post).has("thread_ts")).toList();
	}

	private List<LoggedRequest> replies(String channel) {
		return posts(channel).stream().filter((post) -> body(post).has("thread_ts")).toList();
	}

	private List<LoggedRequest> posts(String channel) {
		return this.slack.findAll(postRequestedFor(urlEqualTo("/chat.postMessage"))
			.withRequestBody(matchingJsonPath("$.channel", equalTo(channel))));
	}

	private JsonNode body(LoggedRequest request) {
		return this.json.readTree(request.getBodyAsString());
	}

	private static ResponseDefinitionBuilder ok(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

}
