package dev.switchboard.gateway.console;

import static dev.switchboard.gateway.console.ConsoleClient.csrfOf;
import static dev.switchboard.gateway.console.ConsoleClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit page: a replay and a discard made in the console, and a viewer's refused
 * replay, are listed newest first with who, role and when, and found by key and action;
 * the same entries are in {@code /api/audit}.
 */
@GatewayIntegrationTest
class ConsoleAuditIntegrationTests {

	private static final String DLQ = Destinations.deadLetterQueue(Destinations.WEBHOOKS_INBOUND,
			ServiceNames.STATUSPAGE_FEED);

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Test
	void listsConsoleReplaysDiscardsAndRefusalsWithWhoAndWhen() {
		String id = publishedDelivery();
		String messageId = "audit-console-" + UUID.randomUUID();
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(messageId);
		this.rabbit.send("", DLQ, new Message("{}".getBytes(StandardCharsets.UTF_8), properties));
		ConsoleClient operator = new ConsoleClient(this.port);
		operator.signIn(GatewayIntegrationTest.ADMIN_KEY);
		String csrf = csrfOf(operator.page("/console/deliveries").body());
		ConsoleClient viewer = new ConsoleClient(this.port);
		viewer.signIn(GatewayIntegrationTest.VIEWER_KEY);

		assertThat(operator.post("/console/deliveries/" + id + "/replay", form("_csrf", csrf), Map.of()).statusCode())
			.isEqualTo(303);
		assertThat(operator
			.post("/console/dead-letters/" + DLQ + "/discard", form("_csrf", csrf, "message", messageId), Map.of())
			.statusCode()).isEqualTo(303);
		assertThat(viewer
			.post("/console/deliveries/" + id + "/replay",
					form("_csrf", csrfOf(viewer.page("/console/deliveries").body())), Map.of())
			.statusCode()).isEqualTo(403);

		String page = viewer.page("/console/audit").body();
		assertThat(page).contains("<h1>Audit</h1>");
		assertThat(page).containsSubsequence("auditor", "viewer", "via console", "delivery.replay", id, "refused",
				"403");
		assertThat(page).containsSubsequence("ops", "operator", "via console", "dead-letter.discard",
				DLQ + " " + messageId, "done", "303");
		assertThat(page).containsSubsequence("ops", "operator", "via console", "delivery.replay", id, "done", "303");
		assertThat(page).containsPattern("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");

		String discards = operator.page("/console/audit?actor=ops&action=dead-letter").body();
		assertThat(discards).contains(messageId).doesNotContain("delivery.replay</code>");
		String nothing = operator.page("/console/audit?actor=nobody-" + UUID.randomUUID()).body();
		assertThat(nothing).contains("No change matches this filter");

		HttpResponse<String> api = new WebhookClient(this.port).admin("GET", "/api/audit?action=dead-letter.discard",
				GatewayIntegrationTest.ADMIN_KEY, null);
		assertThat(api.body()).contains(messageId).contains("\"channel\":\"console\"");
	}

	private String publishedDelivery() {
		byte[] body = ("{\"action\":\"closed\",\"issue\":{\"id\":1,\"number\":80,\"state\":\"closed\"},"
				+ "\"repository\":{\"full_name\":\"acme/widgets\"}}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> accepted = new WebhookClient(this.port).github("issues",
				"console-audit-" + UUID.randomUUID(), body,
				WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, body));
		assertThat(accepted.statusCode()).isEqualTo(202);
		return accepted.body().replaceAll(".*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

}
