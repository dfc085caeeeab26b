package dev.switchboard.statuspage.posting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fakes;
import dev.switchboard.statuspage.StatuspageFeedApplication;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A restarted (second) instance on the same database and broker: it reads the whole feed
 * again, and nothing is posted twice, while both instances poll and deliver.
 */
@StatuspageIntegrationTest
class SecondInstanceIntegrationTests {

	@InjectWireMock("slack")
	WireMockServer slack;

	@InjectWireMock("web")
	WireMockServer web;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aRestartedInstanceReadingTheWholeFeedAgainPostsNothingTwice() {
		String feed = "/cdn-restart/history.atom";
		Fakes.serveFeed(this.web, feed, "cdn-history-1.atom");
		this.slack
			.stubFor(post("/chat.postMessage").withRequestBody(matchingJsonPath("$.channel", equalTo("CRESTART1")))
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"ok\":true,\"channel\":\"CRESTART1\",\"ts\":\"1763893900.000100\"}")));
		this.slack.stubFor(post("/chat.update").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"ok\":true,\"channel\":\"CRESTART1\",\"ts\":\"1763893900.000100\"}")));
		new AdminApi(this.port).subscribe("""
				{"name": "Acme", "source": {"type": "feed", "url": "%s%s"},
				 "channel": {"type": "slack", "channelId": "CRESTART1"}}
				""".formatted(this.web.baseUrl(), feed));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(posts()).hasSize(1));

		Fakes.serveFeed(this.web, feed, "cdn-history-3.atom");
		try (ConfigurableApplicationContext second = secondInstance()) {
			// the restarted instance lost nothing but its memory: make it read the whole
			// trail again
			this.jdbc.sql("update feed set etag = null, last_modified = null, next_poll_at = ? where url like ?")
				.params(java.sql.Timestamp.from(java.time.Instant.EPOCH), "%" + feed)
				.update();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(posts()).hasSize(3));
			int fetches = this.web.findAll(getRequestedFor(urlEqualTo(feed))).size();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.web.findAll(getRequestedFor(urlEqualTo(feed))).size() >= fetches + 3);
		}

		assertThat(posts()).hasSize(3);
		assertThat(posts().stream().skip(1).map(LoggedRequest::getBodyAsString))
			.allSatisfy((reply) -> assertThat(reply).contains("\"thread_ts\":\"1763893900.000100\""));
		assertThat(this.jdbc
			.sql("select count(*) from delivery d join subscription s on s.id = d.subscription_id "
					+ "where s.channel_target = 'CRESTART1' and d.state = 'sent'")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	private ConfigurableApplicationContext secondInstance() {
		return new SpringApplicationBuilder(StatuspageFeedApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + this.environment.getProperty("spring.datasource.url"),
				"--spring.datasource.username=" + this.environment.getProperty("spring.datasource.username"),
				"--spring.datasource.password=" + this.environment.getProperty("spring.datasource.password", ""),
				"--spring.rabbitmq.host=" + this.environment.getProperty("spring.rabbitmq.host"),
				"--spring.rabbitmq.port=" + this.environment.getProperty("spring.rabbitmq.port"),
				"--spring.rabbitmq.virtual-host=" + this.environment.getProperty("spring.rabbitmq.virtual-host"),
				"--switchboard.internal-token=" + AdminApi.TOKEN,
				"--switchboard.encryption.key=" + StatuspageIntegrationTest.ENCRYPTION_KEY,
				"--statuspage-feed.allow-private-addresses=true", "--statuspage-feed.allow-insecure-targets=true",
				"--statuspage-feed.poll-interval=1s", "--statuspage-feed.poll-jitter=0s",
				"--statuspage-feed.poll-tick=200ms", "--statuspage-feed.delivery.tick=200ms",
				"--statuspage-feed.slack.bot-token=xoxb-test-bot-token",
				"--statuspage-feed.slack.base-url=" + this.slack.baseUrl());
	}

	private List<LoggedRequest> posts() {
		return this.slack.findAll(postRequestedFor(urlEqualTo("/chat.postMessage"))
			.withRequestBody(matchingJsonPath("$.channel", equalTo("CRESTART1"))));
	}

}
