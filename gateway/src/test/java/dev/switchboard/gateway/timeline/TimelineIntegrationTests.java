package dev.switchboard.gateway.timeline;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import dev.switchboard.gateway.console.ConsoleClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/timeline?value=} and {@code /console/timeline}: the gateway's
 * deliveries that mention a value merged with what the services answer on their
 * {@code /api/timeline}, in time order. One WireMock stands in for the four services
 * (their admin paths do not overlap), so each stub answers all four: the tests look at
 * what the gateway asked and how it merged, a service left out when it fails, and the
 * values a hostile caller would send. The services' own parts are tested in each service.
 */
@GatewayIntegrationTest
class TimelineIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void mergesTheDeliveryThatMentionsATicketWithWhatTheServicesDidInTimeOrder() {
		String ticket = String.valueOf(400000 + (int) (Math.random() * 99999));
		String delivery = sendIssueClosedMentioning(ticket);
		stubFor(get(urlPathEqualTo("/api/timeline")).withQueryParam("ticketId", equalTo(ticket)).willReturn(okJson("""
				[{"at":"2000-01-01T00:00:00Z","service":"issue-sync-service","kind":"link.created",
				  "summary":"Linked to acme/widgets#42","outcome":"ok","ref":"%s"},
				 {"at":"2999-01-01T00:00:00Z","service":"issue-sync-service","kind":"ticket.reopened",
				  "summary":"Reopen sent","outcome":"pending","ref":null}]""".formatted(UUID.randomUUID()))));

		HttpResponse<String> answer = admin("/api/timeline?value=" + ticket, GatewayIntegrationTest.VIEWER_KEY);

		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode timeline = JSON.readTree(answer.body());
		assertThat(timeline.path("subject").asString()).isEqualTo("TICKET");
		assertThat(timeline.path("missing").size()).isZero();
		assertThat(timeline.path("entries").valueStream().map((entry) -> entry.path("kind").asString()).toList())
			.as("the link before the delivery, the reopen after it; each of the four services got the same stub")
			.containsExactly("link.created", "link.created", "link.created", "link.created", "delivery.received",
					"ticket.reopened", "ticket.reopened", "ticket.reopened", "ticket.reopened");
		JsonNode received = timeline.path("entries").get(4);
		assertThat(received.path("service").asString()).isEqualTo(ServiceNames.GATEWAY);
		assertThat(received.path("ref").asString()).isEqualTo(delivery);
		verify(4,
				getRequestedFor(urlPathEqualTo("/api/timeline")).withQueryParam("ticketId", equalTo(ticket))
					.withHeader("X-Switchboard-Internal-Token", equalTo("test-internal-token-0123456789"))
					.withoutHeader("Authorization"));
	}

	@Test
	void aServiceThatFailsIsNamedMissingAndTheDeliveriesAreStillShown() {
		String ticket = String.valueOf(500000 + (int) (Math.random() * 99999));
		sendIssueClosedMentioning(ticket);
		stubFor(get(urlPathEqualTo("/api/timeline")).withQueryParam("ticketId", equalTo(ticket))
			.willReturn(aResponse().withStatus(503)));

		JsonNode timeline = JSON
			.readTree(admin("/api/timeline?value=" + ticket, GatewayIntegrationTest.ADMIN_KEY).body());

		assertThat(timeline.path("missing").valueStream().map(JsonNode::asString).toList()).containsExactlyInAnyOrder(
				ServiceNames.ISSUE_SYNC, ServiceNames.CRM_BRIDGE, ServiceNames.REMOTE_SESSION,
				ServiceNames.STATUSPAGE_FEED);
		assertThat(timeline.path("entries").valueStream().map((entry) -> entry.path("kind").asString()).toList())
			.containsExactly("delivery.received");

		ConsoleClient console = new ConsoleClient(this.port);
		console.signIn(GatewayIntegrationTest.VIEWER_KEY);
		HttpResponse<String> page = console.page("/console/timeline?value=" + ticket);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("did not answer in time")
			.contains(ServiceNames.CRM_BRIDGE)
			.contains("issues closed acme/widgets#");
	}

	@Test
	void aValueAServiceCannotNameIsNotAFailure() {
		String url = "https://github.com/acme/widgets/issues/" + (int) (Math.random() * 99999);
		stubFor(get(urlPathEqualTo("/api/timeline")).withQueryParam("issue", equalTo(url))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/problem+json")
				.withBody("{\"title\":\"Not an issue URL\"}")));

		JsonNode timeline = JSON.readTree(admin("/api/timeline?value=" + url, GatewayIntegrationTest.ADMIN_KEY).body());

		assertThat(timeline.path("subject").asString()).isEqualTo("ISSUE");
		assertThat(timeline.path("missing").size()).isZero();
		assertThat(timeline.path("entries").size()).isZero();
	}

	@Test
	void aHostileValueReachesTheServicesAsOneEncodedParameterAndAnOverlongOneIsRefused() {
		String hostile = "4711+1 2&ticketId=1&x=</script><script>alert(1)</script>";
		stubFor(get(urlPathEqualTo("/api/timeline")).willReturn(okJson("[]")));

		HttpResponse<String> answer = admin(
				"/api/timeline?value=" + java.net.URLEncoder.encode(hostile, StandardCharsets.UTF_8),
				GatewayIntegrationTest.ADMIN_KEY);

		assertThat(answer.statusCode()).isEqualTo(200);
		verify(4, getRequestedFor(urlPathEqualTo("/api/timeline")).withQueryParam("incident", equalTo(hostile))
			.withoutQueryParam("ticketId"));
		assertThat(admin("/api/timeline?value=" + "9".repeat(201), GatewayIntegrationTest.ADMIN_KEY).body())
			.contains("urn:switchboard:problem:timeline:bad-value");
		assertThat(admin("/api/timeline?value=%20%20", GatewayIntegrationTest.ADMIN_KEY).statusCode()).isEqualTo(400);
		assertThat(admin("/api/timeline", GatewayIntegrationTest.ADMIN_KEY).statusCode()).isEqualTo(400);
		assertThat(admin("/api/timeline?value=4711", null).statusCode()).isEqualTo(401);

		ConsoleClient console = new ConsoleClient(this.port);
		console.signIn(GatewayIntegrationTest.ADMIN_KEY);
		assertThat(
				console.page("/console/timeline?value=" + java.net.URLEncoder.encode(hostile, StandardCharsets.UTF_8))
					.body())
			.doesNotContain("<script>alert(1)</script>")
			.contains("&lt;/script&gt;");
	}

	private HttpResponse<String> admin(String path, @org.jspecify.annotations.Nullable String key) {
		return new WebhookClient(this.port).admin("GET", path, key, null);
	}

	/** A signed GitHub delivery whose body mentions the value. */
	private String sendIssueClosedMentioning(String value) {
		byte[] body = ("{\"action\":\"closed\",\"issue\":{\"id\":1,\"number\":42,\"state\":\"closed\",\"body\":"
				+ "\"reported in ticket " + value + "\"},\"repository\":{\"full_name\":\"acme/widgets\"}}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> accepted = new WebhookClient(this.port).github("issues", "tl-" + UUID.randomUUID(), body,
				WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, body));
		assertThat(accepted.statusCode()).isEqualTo(202);
		return accepted.body().replaceAll(".*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

}
