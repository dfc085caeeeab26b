package dev.switchboard.statuspage.posting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fakes;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Teams Workflows webhook cannot be asked what it received: a card whose outcome is
 * unknown is never posted again by itself. Its delivery shows {@code unknown} (API and
 * {@code switchboard.deliveries{outcome=unknown}}) until an operator sends it again.
 */
@StatuspageIntegrationTest
class TeamsUnknownOutcomeIntegrationTests {

	@InjectWireMock("web")
	WireMockServer web;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

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
	void marksACardWhoseAnswerTimedOutUnknownAndSendsItAgainOnlyWhenAnOperatorAsks() {
		Fakes.serveFeed(this.web, "/teams-unknown/history.atom", "cdn-history-1.atom");
		// the flow takes the card, then answers after the client's read timeout (2 s)
		this.web.stubFor(post(urlPathEqualTo("/workflows/stalled/invoke")).inScenario("stalled")
			.whenScenarioStateIs("Started")
			.willReturn(aResponse().withStatus(202).withFixedDelay(3500))
			.willSetStateTo("answering"));
		this.web.stubFor(post(urlPathEqualTo("/workflows/stalled/invoke")).inScenario("stalled")
			.whenScenarioStateIs("answering")
			.willReturn(aResponse().withStatus(202)));
		String subscription = subscribe("/teams-unknown/history.atom", "/workflows/stalled/invoke");
		String deliveries = "/api/subscriptions/" + subscription + "/deliveries";

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.api.json(this.api.get(deliveries + "?state=unknown"))).hasSize(1));
		JsonNode unknown = this.api.json(this.api.get(deliveries + "?state=unknown")).get(0);
		assertThat(unknown.path("lastError").asString()).startsWith("teams outcome unknown");
		assertThat(this.api.json(this.api.get("/api/subscriptions/" + subscription)).path("unknownDeliveries").asLong())
			.isEqualTo(1);
		assertThat(this.api.get("/actuator/prometheus").body())
			.containsPattern("switchboard_deliveries_total\\{[^}]*outcome=\"unknown\"[^}]*\\} [1-9]");
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(cards("/workflows/stalled/invoke")).isEqualTo(1));

		// the operator saw no card in the channel and sends it again
		assertThat(this.api.json(this.api.post(deliveries + "/retry", "")).path("requeued").asInt()).isEqualTo(1);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.api.json(this.api.get(deliveries + "?state=sent"))).hasSize(1));
		assertThat(cards("/workflows/stalled/invoke")).isEqualTo(2);
	}

	@Test
	void marksACardLeftInFlightByAKilledAttemptUnknownWithoutPostingIt() {
		String feed = "/teams-killed/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		this.web.stubFor(post(urlPathEqualTo("/workflows/killed/invoke")).willReturn(aResponse().withStatus(202)));
		String subscription = subscribe(feed, "/workflows/killed/invoke");
		String destination = this.jdbc.sql("select destination from subscription where id = ?::uuid")
			.param(subscription)
			.query(String.class)
			.single();
		this.jdbc.sql("update destination set next_send_at = ? where address = ?")
			.params(Timestamp.valueOf("2099-01-01 00:00:00"), destination)
			.update();
		Fakes.serveFeed(this.web, feed, "cdn-history-1.atom");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from delivery where subscription_id = ?::uuid")
				.param(subscription)
				.query(Long.class)
				.single() > 0);
		// as a kill between the flow's answer and the commit leaves it
		this.jdbc
			.sql("""
					insert into post_intent (delivery_seq, client_id, kind, channel, thread_ts, state, recorded_at)
					select seq, 'sb:killed', 'card', null, null, 'in_flight', ? from delivery where subscription_id = ?::uuid
					""")
			.params(Timestamp.from(this.clock.instant()), subscription)
			.update();

		this.jdbc.sql("update destination set next_send_at = ? where address = ?")
			.params(Timestamp.valueOf("2000-01-01 00:00:00"), destination)
			.update();

		// one delivery when the subscription's first poll read the real feed (only the
		// latest update is announced then), every update of it when that poll came first
		// and read the empty one: either way every card left in flight turns unknown
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc.sql("select state from delivery where subscription_id = ?::uuid")
				.param(subscription)
				.query(String.class)
				.list()).isNotEmpty().containsOnly("unknown"));
		assertThat(cards("/workflows/killed/invoke")).isZero();
	}

	private String subscribe(String feed, String workflow) {
		return this.api.subscribe("""
				{"name": "Acme", "source": {"type": "feed", "url": "%s%s"},
				 "channel": {"type": "teams", "webhookUrl": "%s%s?api-version=1&sig=s3cr3t"}}
				""".formatted(this.web.baseUrl(), feed, this.web.baseUrl(), workflow));
	}

	private int cards(String path) {
		return this.web.findAll(postRequestedFor(urlPathEqualTo(path))).size();
	}

}
