package dev.switchboard.statuspage.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fakes;
import dev.switchboard.statuspage.Fixtures;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feed polling as {@code GET /api/feeds} reports it: 304s, refused documents, a slow feed
 * read without holding its row.
 */
@StatuspageIntegrationTest
class FeedHealthIntegrationTests {

	@InjectWireMock("web")
	WireMockServer web;

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
	void pollsAnUnchangedFeedConditionallyAndCountsA304AsHealthy() {
		String feed = "/etag-cdn/history.atom";
		this.web.stubFor(get(feed).withHeader("If-None-Match", absent())
			.willReturn(aResponse().withHeader("ETag", "\"e1\"")
				.withHeader("Last-Modified", "Mon, 23 Nov 2026 10:25:03 GMT")
				.withBody(Fixtures.bytes("feeds/cdn-history-3.atom"))));
		this.web
			.stubFor(get(feed).withHeader("If-None-Match", equalTo("\"e1\"")).willReturn(aResponse().withStatus(304)));
		this.api.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CETAG0001"));

		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.web
				.findAll(getRequestedFor(urlEqualTo(feed)).withHeader("If-None-Match", equalTo("\"e1\""))
					.withHeader("If-Modified-Since", equalTo("Mon, 23 Nov 2026 10:25:03 GMT")))
				.size() >= 3);

		assertThat(this.web.findAll(getRequestedFor(urlEqualTo(feed)).withHeader("If-None-Match", absent())))
			.hasSize(1);
		JsonNode health = feedHealth(feed);
		assertThat(health.path("healthy").asBoolean()).isTrue();
		assertThat(health.path("consecutiveFailures").asInt()).isZero();
		assertThat(health.path("lastSuccessAt").isNull()).isFalse();
		assertThat(health.path("updatesSeen").asLong()).isEqualTo(7);
		assertThat(health.path("subscriptions").asInt()).isEqualTo(1);
	}

	@Test
	void refusesAFeedWithADoctypeAndReportsItUnhealthy() {
		String feed = "/xxe/history.atom";
		this.web.stubFor(get(feed).willReturn(aResponse().withBody(Fixtures.bytes("feeds/xxe.atom"))));
		this.api.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CXXE00001"));

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(
					() -> assertThat(feedHealth(feed).path("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(3));

		JsonNode health = feedHealth(feed);
		assertThat(health.path("healthy").asBoolean()).isFalse();
		assertThat(health.path("lastError").asString()).contains("not a readable RSS/Atom feed");
		assertThat(health.path("updatesSeen").asLong()).isZero();
		assertThat(this.api.get("/actuator/health").body()).contains("\"unhealthyFeeds\"")
			.contains(health.path("id").asString());
		assertThat(this.api.get("/actuator/prometheus").body()).contains("switchboard_feeds_unhealthy");
		assertThat(this.jdbc
			.sql("select count(*) from incident_update u join feed f on f.id = u.feed_id where f.url like ?")
			.param("%" + feed)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void holdsNoLockNorTransactionWhileASlowFeedIsRead() {
		String feed = "/slow-cdn/history.atom";
		this.web.stubFor(get(feed).willReturn(aResponse().withHeader("ETag", "\"s1\"")
			.withFixedDelay(1800)
			.withBody(Fixtures.bytes("feeds/cdn-history-3.atom"))));
		this.api.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CSLOW0001"));

		// while the 1.8 s fetch runs, the feed's row can be locked at any moment: the
		// poll
		// holds it only for the few milliseconds of its claim and of its record
		int tries = 0;
		int refused = 0;
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (feedHealth(feed).path("lastSuccessAt").isNull() && System.nanoTime() < deadline) {
			tries++;
			if (!lockFeedRow(this.web.baseUrl() + feed)) {
				refused++;
			}
		}
		assertThat(feedHealth(feed).path("lastSuccessAt").isNull()).isFalse();
		assertThat(tries).isGreaterThanOrEqualTo(3);
		assertThat(refused).isZero();
		// and the lease kept every other poll off it while it was read
		assertThat(this.web.findAll(getRequestedFor(urlEqualTo(feed)).withHeader("If-None-Match", absent())))
			.hasSize(1);
	}

	private boolean lockFeedRow(String url) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("set local lock_timeout = '1s'").update();
				this.jdbc.sql("select id from feed where url = ? for update").param(url).query(String.class).single();
			});
			return true;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	private JsonNode feedHealth(String feed) {
		for (JsonNode health : this.api.json(this.api.get("/api/feeds"))) {
			if (health.path("url").asString().endsWith(feed)) {
				return health;
			}
		}
		throw new AssertionError("no feed " + feed + " in /api/feeds");
	}

}
