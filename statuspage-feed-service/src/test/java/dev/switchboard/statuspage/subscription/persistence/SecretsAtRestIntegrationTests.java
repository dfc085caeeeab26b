package dev.switchboard.statuspage.subscription.persistence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fakes;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook secrets and Teams URLs (with their {@code sig}) are stored sealed: the raw
 * columns hold neither, and deliveries still go out signed and to the right URL. Rows
 * stored in clear before, or under a rotated key, are read and sealed with the current
 * key.
 */
@StatuspageIntegrationTest
class SecretsAtRestIntegrationTests {

	private static final String SECRET = "whsec_"
			+ Base64.getEncoder().encodeToString("at-rest-secret-32-bytes-long!!!".getBytes());

	private static final String SIG = "Zq7RestSignature0123456789abcdefXYZ";

	@InjectWireMock("web")
	WireMockServer web;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

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
	void storesTheWebhookSecretSealedAndStillSignsWithIt() {
		Fakes.serveFeed(this.web, "/rest-hook/history.atom", "cdn-history-1.atom");
		this.web.stubFor(post("/hooks/at-rest?token=url-token-77").willReturn(aResponse().withStatus(204)));
		String id = this.api.subscribe("""
				{"name": "Sealed hook", "source": {"type": "feed", "url": "%s/rest-hook/history.atom"},
				 "channel": {"type": "webhook", "url": "%s/hooks/at-rest?token=url-token-77", "secret": "%s"}}
				""".formatted(this.web.baseUrl(), this.web.baseUrl(), SECRET));

		Map<String, @Nullable Object> row = rawRow(id);
		assertThat(row.values().toString()).doesNotContain(SECRET)
			.doesNotContain(SECRET.substring("whsec_".length()))
			.doesNotContain("url-token-77");
		assertThat((String) row.get("channel_secret")).matches("enc:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+");
		assertThat((String) row.get("channel_target")).startsWith("enc:v1:");
		assertThat(destinations()).noneMatch((address) -> address.contains("url-token-77"));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					this.web.findAll(postRequestedFor(urlEqualTo("/hooks/at-rest?token=url-token-77"))))
				.hasSize(1));
		LoggedRequest request = this.web.findAll(postRequestedFor(urlEqualTo("/hooks/at-rest?token=url-token-77")))
			.get(0);
		long timestamp = Long.parseLong(request.getHeader("webhook-timestamp"));
		assertThat(request.getHeader("webhook-signature"))
			.isEqualTo(signed(request.getHeader("webhook-id"), timestamp, request.getBodyAsString()));
	}

	@Test
	void storesTheTeamsUrlSealedAndStillPostsToIt() {
		Fakes.serveFeed(this.web, "/rest-teams/history.atom", "cdn-history-1.atom");
		this.web.stubFor(post(urlPathEqualTo("/workflows/sealed/invoke")).willReturn(aResponse().withStatus(202)));
		String id = this.api.subscribe("""
				{"name": "Sealed Teams", "source": {"type": "feed", "url": "%s/rest-teams/history.atom"},
				 "channel": {"type": "teams", "webhookUrl": "%s/workflows/sealed/invoke?api-version=1&sig=%s"}}
				""".formatted(this.web.baseUrl(), this.web.baseUrl(), SIG));

		assertThat(rawRow(id).values().toString()).doesNotContain(SIG).doesNotContain("/workflows/sealed");
		assertThat(destinations()).noneMatch((address) -> address.contains(SIG));
		assertThat(this.api.get("/api/subscriptions/" + id).body()).doesNotContain(SIG);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.web.findAll(
					postRequestedFor(urlPathEqualTo("/workflows/sealed/invoke")).withQueryParam("sig", equalTo(SIG))))
				.hasSize(1));
	}

	@Test
	void readsRowsStoredInClearOrUnderAPreviousKeySealsThemWithTheCurrentKeyAndDeliversToThem() {
		// the feed shows nothing yet: nothing is sent while the rows are made old
		String feed = "/rest-legacy/history.atom";
		String clearId = this.api.subscribe(hook("Stored in clear", feed));
		String rotatedId = this.api.subscribe(hook("Stored under the old key", feed));
		String url = this.web.baseUrl() + "/hooks/legacy?token=legacy-token";
		// as an instance before encryption stored it: in clear, the URL as the
		// destination's key
		this.jdbc.sql("insert into destination (address, next_send_at) values (?, current_timestamp)")
			.param("webhook:" + url)
			.update();
		this.jdbc.sql("update subscription set channel_target = ?, channel_secret = ?, destination = ? where id = ?")
			.params(url, SECRET, "webhook:" + url, UUID.fromString(clearId))
			.update();
		// as an instance whose key has since been rotated stored it
		byte[] oldKey = AesGcmSecretsTests.randomKey();
		AesGcmSecrets old = new AesGcmSecrets(oldKey, List.of());
		this.jdbc.sql("update subscription set channel_target = ?, channel_secret = ? where id = ?")
			.params(old.seal(url), old.seal(SECRET), UUID.fromString(rotatedId))
			.update();
		assertThat(this.api.json(this.api.get("/api/subscriptions/" + clearId)).path("channel").path("url").asString())
			.isEqualTo(this.web.baseUrl() + "/hooks/legacy?token=***");

		// start-up after the rotation: the old key is among the previous keys
		byte[] currentKey = Base64.getDecoder().decode(StatuspageIntegrationTest.ENCRYPTION_KEY);
		new JdbcSecretRotation(this.jdbc, new AesGcmSecrets(currentKey, List.of(oldKey)), this.transactions, this.clock)
			.run(new DefaultApplicationArguments());

		for (String id : List.of(clearId, rotatedId)) {
			Map<String, @Nullable Object> row = rawRow(id);
			assertThat(row.values().toString()).doesNotContain("legacy-token").doesNotContain(SECRET);
			assertThat((String) row.get("channel_target")).startsWith("enc:v1:" + AesGcmSecrets.id(currentKey) + ":");
			assertThat((String) row.get("channel_secret")).startsWith("enc:v1:" + AesGcmSecrets.id(currentKey) + ":");
		}
		assertThat(destinations()).noneMatch((address) -> address.contains("legacy-token"));

		// the service, which never had the old key, reads them and delivers
		this.web.stubFor(post("/hooks/legacy?token=legacy-token").willReturn(aResponse().withStatus(204)));
		Fakes.serveFeed(this.web, feed, "cdn-history-1.atom");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(this.web.findAll(postRequestedFor(urlEqualTo("/hooks/legacy?token=legacy-token"))))
						.hasSize(2));
		for (LoggedRequest request : this.web
			.findAll(postRequestedFor(urlEqualTo("/hooks/legacy?token=legacy-token")))) {
			long timestamp = Long.parseLong(request.getHeader("webhook-timestamp"));
			assertThat(request.getHeader("webhook-signature"))
				.isEqualTo(signed(request.getHeader("webhook-id"), timestamp, request.getBodyAsString()));
		}
	}

	private String hook(String name, String feed) {
		return """
				{"name": "%s", "source": {"type": "feed", "url": "%s%s"},
				 "channel": {"type": "webhook", "url": "%s/hooks/legacy?token=legacy-token", "secret": "%s"}}
				""".formatted(name, this.web.baseUrl(), feed, this.web.baseUrl(), SECRET);
	}

	private Map<String, @Nullable Object> rawRow(String id) {
		return this.jdbcTemplate.queryForMap(
				"select channel_target, channel_secret, destination from subscription where id = ?",
				UUID.fromString(id));
	}

	private List<String> destinations() {
		return this.jdbcTemplate.queryForList("select address from destination", String.class)
			.stream()
			.map((address) -> Objects.requireNonNull(address, "destination.address is the primary key"))
			.toList();
	}

	private static String signed(String id, long timestamp, String body) {
		try {
			return new Webhook(SECRET).sign(id, timestamp, body);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
