package dev.switchboard.statuspage.posting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
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
 * Teams Workflows webhooks get an Adaptive Card per update; generic webhooks a JSON event
 * signed with Standard Webhooks.
 */
@StatuspageIntegrationTest
class TeamsAndWebhookIntegrationTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@InjectWireMock("web")
	WireMockServer web;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	AdminApi api;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void api() {
		this.api = new AdminApi(this.port);
	}

	@Test
	void postsAnAdaptiveCardToTeamsForEveryUpdateEvenAfterAServerError() {
		Fakes.serveFeed(this.web, "/teams-cdn/history.atom", "cdn-history-3.atom");
		this.web.stubFor(post(urlPathEqualTo("/workflows/acme/invoke")).inScenario("teams")
			.whenScenarioStateIs("Started")
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("up"));
		this.web.stubFor(post(urlPathEqualTo("/workflows/acme/invoke")).inScenario("teams")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(202)));
		String subscription = this.api.subscribe("""
				{"name": "Acme", "source": {"type": "feed", "url": "%s/teams-cdn/history.atom"},
				 "channel": {"type": "teams", "webhookUrl": "%s/workflows/acme/invoke?api-version=1&sig=s3cr3t"}}
				""".formatted(this.web.baseUrl(), this.web.baseUrl()));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(sentDeliveries(subscription)).isEqualTo(3));
		List<JsonNode> cards = cards("/workflows/acme/invoke").stream()
			.filter((card) -> card.path("type").asString().equals("message"))
			.toList();
		assertThat(cards).hasSize(4);
		JsonNode content = cards.get(3).path("attachments").get(0).path("content");
		assertThat(cards.get(3).path("attachments").get(0).path("contentType").asString())
			.isEqualTo("application/vnd.microsoft.card.adaptive");
		assertThat(content.path("type").asString()).isEqualTo("AdaptiveCard");
		assertThat(content.path("version").asString()).isEqualTo("1.4");
		assertThat(content.toString()).contains("Elevated error rates on the CDN in Europe").contains("Monitoring");
	}

	@Test
	void signsEveryWebhookEventWithStandardWebhooks() {
		Fakes.serveFeed(this.web, "/hook-cdn/history.atom", "cdn-history-1.atom");
		this.web.stubFor(post("/hooks/globex").willReturn(aResponse().withStatus(204)));
		this.api.subscribe("""
				{"name": "Globex", "source": {"type": "feed", "url": "%s/hook-cdn/history.atom"},
				 "channel": {"type": "webhook", "url": "%s/hooks/globex", "secret": "%s"}}
				""".formatted(this.web.baseUrl(), this.web.baseUrl(), SECRET));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(this.web.findAll(postRequestedFor(urlEqualTo("/hooks/globex")))).hasSize(1));
		LoggedRequest request = this.web.findAll(postRequestedFor(urlEqualTo("/hooks/globex"))).get(0);
		String sentAt = request.getHeader("webhook-timestamp");
		Map<String, List<String>> headers = Map.of("webhook-id", List.of(request.getHeader("webhook-id")),
				"webhook-timestamp", List.of(sentAt), "webhook-signature",
				List.of(request.getHeader("webhook-signature")));
		assertThat(request.getHeader("webhook-signature")).startsWith("v1,");
		JsonNode event = this.json.readTree(request.getBodyAsString());
		assertThat(event.path("type").asString()).isEqualTo("incident.opened");
		assertThat(event.path("incidentId").asString()).isEqualTo("p3zrvw7mg8hd");
		assertThat(event.path("status").asString()).isEqualTo("investigating");
		// verification checks the timestamp against the real clock: re-sign what we
		// received
		// at the time it claims, with the secret, and compare
		assertThatNoException().isThrownBy(() -> {
			long timestamp = Long.parseLong(sentAt);
			String expected = new Webhook(SECRET).sign(request.getHeader("webhook-id"), timestamp,
					request.getBodyAsString());
			assertThat(request.getHeader("webhook-signature")).isEqualTo(expected);
		});
	}

	private List<JsonNode> cards(String path) {
		return this.web.findAll(postRequestedFor(urlPathEqualTo(path)))
			.stream()
			.map((request) -> this.json.readTree(request.getBodyAsString()))
			.toList();
	}

	private long sentDeliveries(String subscription) {
		return this.jdbc.sql("select count(*) from delivery where subscription_id = ?::uuid and state = 'sent'")
			.param(subscription)
			.query(Long.class)
			.single();
	}

}
