package dev.switchboard.statuspage.retention;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fakes;
import dev.switchboard.statuspage.Fixtures;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention purge removes finished deliveries, their updates, incidents and threads,
 * keeps what a pending delivery still needs; and an update older than the retention that
 * a feed still shows is not taken again.
 */
@StatuspageIntegrationTest
class RetentionIntegrationTests {

	@InjectWireMock("slack")
	WireMockServer slack;

	@InjectWireMock("web")
	WireMockServer web;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Retention retention;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	AdminApi api;

	@BeforeEach
	void api() {
		this.api = new AdminApi(this.port);
	}

	@Test
	void purgesWhatWasDeliveredAndKeepsWhatIsStillPending() {
		String feed = "/cdn-purge/history.atom";
		String other = "/cdn-purge-pending/history.atom";
		Fakes.serveFeed(this.web, feed, "cdn-history-1.atom");
		Fakes.serveFeed(this.web, other, "cdn-history-1.atom");
		Fakes.slackAnswers(this.slack, "CPURGE001",
				"{\"ok\":true,\"channel\":\"CPURGE001\",\"ts\":\"1763893809.000100\"}");
		Fakes.slackAnswers(this.slack, "CPURGE002", "{\"ok\":false,\"error\":\"not_in_channel\"}");
		String delivered = this.api
			.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CPURGE001"));
		String failing = this.api
			.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + other, "CPURGE002"));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(deliveryStates(delivered)).isEqualTo("sent");
			assertThat(this.api.json(this.api.get("/api/subscriptions/" + failing)).path("state").asString())
				.isEqualTo("failing");
		});
		assertThat(count("slack_thread t join subscription s on s.id = t.subscription_id "
				+ "where s.channel_target = 'CPURGE001'"))
			.isEqualTo(1);

		// as if the retention had passed: everything of this feed is older than the
		// cutoff
		Retention.Purged purged = this.retention.purgeBefore(this.clock.instant().plus(Duration.ofDays(1)));

		assertThat(purged.deliveries()).isGreaterThanOrEqualTo(1);
		assertThat(deliveryStates(delivered)).isEmpty();
		assertThat(count("slack_thread t join subscription s on s.id = t.subscription_id "
				+ "where s.channel_target = 'CPURGE001'"))
			.isZero();
		assertThat(count("incident i join feed f on f.id = i.feed_id where f.url like '%/cdn-purge/%'")).isZero();
		assertThat(count("incident_update u join feed f on f.id = u.feed_id where f.url like '%/cdn-purge/%'"))
			.isZero();
		// the failing subscription's update waits to be delivered once it is resumed:
		// kept, with its incident
		assertThat(deliveryStates(failing)).isEqualTo("pending");
		assertThat(count("incident_update u join feed f on f.id = u.feed_id where f.url like '%/cdn-purge-pending/%' "
				+ "and u.incident_code = 'p3zrvw7mg8hd'"))
			.isEqualTo(1);
		assertThat(count("incident i join feed f on f.id = i.feed_id where f.url like '%/cdn-purge-pending/%' "
				+ "and i.code = 'p3zrvw7mg8hd'"))
			.isEqualTo(1);
	}

	@Test
	void ignoresUpdatesOlderThanTheRetentionThatAFeedStillShows() {
		String feed = "/cdn-ancient/history.atom";
		// the same incident, 53 days earlier than the clock: beyond the 30-day retention
		Fakes.serveAtom(this.web, feed,
				Fixtures.text("feeds/cdn-history-1.atom")
					.replace("2026-11-", "2026-10-")
					.replace("Nov &lt;var data-var='date'&gt;", "Oct &lt;var data-var='date'&gt;")
					.replace("2026-10-23", "2026-10-01")
					.replace("&gt;23&lt;", "&gt;1&lt;"));
		String subscription = this.api
			.subscribe(Fakes.slackFeedSubscription("Acme", this.web.baseUrl() + feed, "CANCIENT1"));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("feed where url like '%/cdn-ancient/%' and last_success_at is not null") == 1);
		assertThat(count("incident_update u join feed f on f.id = u.feed_id where f.url like '%/cdn-ancient/%'"))
			.isZero();
		assertThat(deliveryStates(subscription)).isEmpty();
	}

	private String deliveryStates(String subscription) {
		return String.join(",",
				this.jdbc.sql("select state from delivery where subscription_id = ?::uuid order by seq")
					.param(subscription)
					.query(String.class)
					.list());
	}

	private long count(String from) {
		return this.jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

}
