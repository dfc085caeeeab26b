package dev.switchboard.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.switchboard.gateway.console.ConsoleClient.csrfOf;
import static dev.switchboard.gateway.console.ConsoleClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Roles in the console: a viewer's pages offer no Replay, Discard, Start or Link, and a
 * forged change (with the session's own CSRF token) is refused 403 before it is done; an
 * operator's is done; any key may sign out.
 */
@GatewayIntegrationTest
class ConsoleRolesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aViewerSeesNoReplayButtonAndAForgedReplayIsRefused() {
		String id = publishedDelivery();
		ConsoleClient viewer = new ConsoleClient(this.port);
		viewer.signIn(GatewayIntegrationTest.VIEWER_KEY);

		String page = viewer.page("/console/deliveries/" + id).body();
		assertThat(page).contains("key <strong>auditor</strong>")
			.contains("viewer")
			.doesNotContain("id=\"replay\"")
			.contains("it may look, not replay");
		HttpResponse<String> forged = viewer.post("/console/deliveries/" + id + "/replay", form("_csrf", csrfOf(page)),
				Map.of());
		HttpResponse<String> forgedPage = viewer.post("/console/deliveries/" + id + "/replay",
				form("_csrf", csrfOf(page)), Map.of("Accept", "text/html"));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("urn:switchboard:problem:console:forbidden");
		assertThat(forgedPage.statusCode()).isEqualTo(403);
		assertThat(forgedPage.body()).contains("Not allowed for this key");
		assertThat(viewer.page("/console/deliveries/" + id).body()).contains("<dt>Replays</dt><dd><span>0</span>");

		ConsoleClient operator = new ConsoleClient(this.port);
		operator.signIn(GatewayIntegrationTest.ADMIN_KEY);
		String operatorPage = operator.page("/console/deliveries/" + id).body();
		assertThat(operatorPage).contains("id=\"replay\"").doesNotContain("it may look");
		HttpResponse<String> replayed = operator.post("/console/deliveries/" + id + "/replay",
				form("_csrf", csrfOf(operatorPage)), Map.of());
		assertThat(replayed.statusCode()).isEqualTo(303);
		assertThat(viewer.page("/console/deliveries/" + id).body()).contains("<dt>Replays</dt><dd><span>1</span>");
	}

	@Test
	void aViewerCanDoNoChangeAnywhereInTheConsoleButSignOut() {
		ConsoleClient viewer = new ConsoleClient(this.port);
		viewer.signIn(GatewayIntegrationTest.VIEWER_KEY);
		String csrf = csrfOf(viewer.page("/console/deliveries").body());
		assertThat(viewer.page("/console/replay-jobs").body()).doesNotContain("New bulk replay");

		for (String path : new String[] { "/console/replay-jobs",
				"/console/replay-jobs/" + UUID.randomUUID() + "/cancel",
				"/console/dead-letters/webhooks.inbound.issue-sync-service.dlq/replay",
				"/console/dead-letters/webhooks.inbound.issue-sync-service.dlq/discard",
				"/console/dead-letters/webhooks.inbound.issue-sync-service.dlq/replay-jobs",
				"/console/dead-letter-jobs/" + UUID.randomUUID() + "/cancel", "/console/links",
				"/console/links/" + UUID.randomUUID() + "/delete", "/console/calls", "/console/sessions",
				"/console/subscriptions/" + UUID.randomUUID() + "/state" }) {
			HttpResponse<String> response = viewer.post(path,
					form("_csrf", csrf, "message", "m-1", "ticketId", "4711", "issueUrl",
							"https://github.com/acme/widgets/issues/42", "state", "paused", "outcome", "unconfirmed"),
					Map.of());
			assertThat(response.statusCode()).as(path).isEqualTo(403);
			assertThat(response.body()).as(path).contains("urn:switchboard:problem:console:forbidden");
		}
		verify(0, anyRequestedFor(urlPathEqualTo("/api/links")));

		assertThat(viewer.post("/console/logout", form("_csrf", csrf), Map.of()).statusCode()).isEqualTo(303);
		assertThat(viewer.page("/console/deliveries").statusCode()).isEqualTo(303);
	}

	private String publishedDelivery() {
		byte[] body = ("{\"action\":\"closed\",\"issue\":{\"id\":1,\"number\":78,\"state\":\"closed\"},"
				+ "\"repository\":{\"full_name\":\"acme/widgets\"}}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> accepted = new WebhookClient(this.port).github("issues",
				"console-roles-" + UUID.randomUUID(), body,
				WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, body));
		assertThat(accepted.statusCode()).isEqualTo(202);
		return accepted.body().replaceAll(".*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

}
