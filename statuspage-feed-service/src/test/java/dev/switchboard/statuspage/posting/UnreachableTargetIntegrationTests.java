package dev.switchboard.statuspage.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fakes;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A target or feed that cannot be reached is recorded as such, without its address, its
 * port or the connection's error: whoever may create subscriptions cannot scan ports with
 * them.
 */
@StatuspageIntegrationTest
class UnreachableTargetIntegrationTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@InjectWireMock("web")
	WireMockServer web;

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
	void recordsAWebhookTargetOnAClosedPortAsUnreachableOnly() throws IOException {
		Fakes.serveFeed(this.web, "/closed-port/history.atom", "cdn-history-1.atom");
		int closed = closedPort();
		String id = this.api.subscribe("""
				{"name": "Scanner", "source": {"type": "feed", "url": "%s/closed-port/history.atom"},
				 "channel": {"type": "webhook", "url": "http://127.0.0.1:%d/probe", "secret": "%s"}}
				""".formatted(this.web.baseUrl(), closed, SECRET));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lastError(id)).isNotEmpty());

		assertThat(lastError(id)).isEqualTo("webhook target unreachable");
		assertThat(this.api.get("/api/subscriptions/" + id + "/deliveries").body())
			.doesNotContain(Integer.toString(closed))
			.doesNotContain("127.0.0.1")
			.doesNotContainIgnoringCase("refused")
			.doesNotContain("Exception");
	}

	@Test
	void recordsAFeedOnAClosedPortAsUnreachableOnly() throws IOException {
		int closed = closedPort();
		String feed = "http://127.0.0.1:" + closed + "/closed-feed/history.atom";
		this.api.subscribe(Fakes.slackFeedSubscription("Scanner", feed, "CCLOSED01"));

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(feedHealth(feed).path("lastError").asString()).isNotEmpty());

		assertThat(feedHealth(feed).path("lastError").asString()).isEqualTo("feed unreachable");
		assertThat(this.api.get("/actuator/health").body()).doesNotContain(Integer.toString(closed))
			.doesNotContain("Connection refused");
	}

	private String lastError(String subscription) {
		JsonNode deliveries = this.api.json(this.api.get("/api/subscriptions/" + subscription + "/deliveries"));
		return deliveries.isEmpty() ? "" : deliveries.get(0).path("lastError").asString("");
	}

	private JsonNode feedHealth(String feed) {
		for (JsonNode health : this.api.json(this.api.get("/api/feeds"))) {
			if (health.path("url").asString().equals(feed)) {
				return health;
			}
		}
		throw new AssertionError("no feed " + feed + " in /api/feeds");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
