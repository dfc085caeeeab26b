package dev.switchboard.gateway.adminapi;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Roles in the admin API: a viewer key reads everything and changes nothing (403
 * {@code urn:switchboard:problem:admin:forbidden} before any controller or route runs),
 * an operator key (configured without a role, as before roles) replays.
 */
@GatewayIntegrationTest
class RolesIntegrationTests {

	private static final String FORBIDDEN = "urn:switchboard:problem:admin:forbidden";

	@LocalServerPort
	int port;

	WebhookClient client;

	@BeforeEach
	void setUp() throws InterruptedException {
		this.client = new WebhookClient(this.port);
		// other classes of this context spend the keys' rate limit
		Thread.sleep(1100);
	}

	@Test
	void aViewerReadsTheDeliveryLogButCannotReplayAndAnOperatorCan() {
		String id = publishedDelivery();

		assertThat(
				this.client.admin("GET", "/api/deliveries/" + id, GatewayIntegrationTest.VIEWER_KEY, null).statusCode())
			.isEqualTo(200);
		HttpResponse<String> refused = this.client.admin("POST", "/api/deliveries/" + id + "/replay",
				GatewayIntegrationTest.VIEWER_KEY, null);

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains(FORBIDDEN).contains("auditor").contains("viewer");
		assertThat(replaysOf(id)).isZero();

		HttpResponse<String> replayed = this.client.admin("POST", "/api/deliveries/" + id + "/replay",
				GatewayIntegrationTest.ADMIN_KEY, null);
		assertThat(replayed.statusCode()).isEqualTo(202);
		assertThat(replaysOf(id)).isEqualTo(1);
	}

	@Test
	void aViewerCannotStartOrCancelReplayJobsNorReplayOrDiscardDeadLetters() {
		String viewer = GatewayIntegrationTest.VIEWER_KEY;
		assertThat(this.client.admin("GET", "/api/replay-jobs", viewer, null).statusCode()).isEqualTo(200);
		assertThat(this.client.admin("GET", "/api/dead-letters", viewer, null).statusCode()).isEqualTo(200);

		for (String[] change : new String[][] { { "/api/replay-jobs", "{\"outcome\":\"unconfirmed\"}" },
				{ "/api/replay-jobs/" + UUID.randomUUID() + "/cancel", null },
				{ "/api/dead-letters/webhooks.inbound.issue-sync-service.dlq/replay", null },
				{ "/api/dead-letters/webhooks.inbound.issue-sync-service.dlq/discard", "{\"messageId\":\"m-1\"}" } }) {
			HttpResponse<String> response = this.client.admin("POST", change[0], viewer, change[1]);
			assertThat(response.statusCode()).as(change[0]).isEqualTo(403);
			assertThat(response.body()).as(change[0]).contains(FORBIDDEN);
		}
	}

	@Test
	void aViewerReadsThroughTheRoutesButNoChangeReachesAService() {
		stubFor(get(urlPathEqualTo("/api/links")).willReturn(okJson("[]")));

		assertThat(
				this.client.admin("GET", "/api/links?ticketId=8", GatewayIntegrationTest.VIEWER_KEY, null).statusCode())
			.isEqualTo(200);
		for (String method : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
			HttpResponse<String> response = this.client.admin(method, "/api/links/roles-test",
					GatewayIntegrationTest.VIEWER_KEY, "{}");
			assertThat(response.statusCode()).as(method).isEqualTo(403);
			assertThat(response.body()).as(method).contains(FORBIDDEN);
		}
		verify(0, anyRequestedFor(urlPathEqualTo("/api/links/roles-test")));
	}

	private long replaysOf(String id) {
		String body = this.client.admin("GET", "/api/deliveries/" + id, GatewayIntegrationTest.ADMIN_KEY, null).body();
		return Long.parseLong(body.replaceAll("(?s).*\"replays\"\\s*:\\s*(\\d+).*", "$1"));
	}

	private String publishedDelivery() {
		byte[] body = ("{\"action\":\"closed\",\"issue\":{\"id\":1,\"number\":77,\"state\":\"closed\"},"
				+ "\"repository\":{\"full_name\":\"acme/widgets\"}}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> accepted = this.client.github("issues", "roles-" + UUID.randomUUID(), body,
				WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, body));
		assertThat(accepted.statusCode()).isEqualTo(202);
		return accepted.body().replaceAll(".*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

}
