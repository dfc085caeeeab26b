package dev.switchboard.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit through the admin API: a replay and a discard appear in {@code /api/audit}
 * with who, role, channel, target, status, when and correlation id; a viewer's refused
 * replay appears as 403; a viewer may read the audit.
 */
@GatewayIntegrationTest
class AuditIntegrationTests {

	static final String DLQ = Destinations.deadLetterQueue(Destinations.WEBHOOKS_INBOUND, ServiceNames.CRM_BRIDGE);

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	RabbitAdmin admin;

	WebhookClient client;

	@BeforeEach
	void setUp() throws InterruptedException {
		this.client = new WebhookClient(this.port);
		Thread.sleep(1100);
	}

	@Test
	void listsAReplayAndARefusedReplayWithWhoAndWhen() {
		String id = publishedDelivery(this.client, "audit-api-" + UUID.randomUUID());
		HttpResponse<String> replayed = this.client.admin("POST", "/api/deliveries/" + id + "/replay",
				GatewayIntegrationTest.ADMIN_KEY, null);
		HttpResponse<String> refused = this.client.admin("POST", "/api/deliveries/" + id + "/replay",
				GatewayIntegrationTest.VIEWER_KEY, null);
		assertThat(replayed.statusCode()).isEqualTo(202);
		assertThat(refused.statusCode()).isEqualTo(403);

		String mine = this.client
			.admin("GET", "/api/audit?action=delivery.replay&size=200", GatewayIntegrationTest.VIEWER_KEY, null)
			.body();
		assertThat(mine).contains("\"actor\":\"ops\",\"role\":\"operator\",\"channel\":\"api\","
				+ "\"action\":\"delivery.replay\",\"target\":\"" + id + "\"");
		assertThat(mine).contains("\"actor\":\"auditor\",\"role\":\"viewer\",\"channel\":\"api\","
				+ "\"action\":\"delivery.replay\",\"target\":\"" + id + "\",\"method\":\"POST\"");
		assertThat(mine).contains("\"status\":403").contains("\"status\":202");
		assertThat(mine)
			.contains("\"correlationId\":\"" + replayed.headers().firstValue("X-Correlation-Id").orElseThrow() + "\"");
		assertThat(mine).containsPattern("\"at\":\"20\\d\\d-");
		assertThat(mine).doesNotContain(GatewayIntegrationTest.ADMIN_KEY)
			.doesNotContain(GatewayIntegrationTest.VIEWER_KEY);

		String auditorsOnly = this.client
			.admin("GET", "/api/audit?actor=auditor&size=200", GatewayIntegrationTest.ADMIN_KEY, null)
			.body();
		assertThat(auditorsOnly).contains(id).doesNotContain("\"actor\":\"ops\"");
	}

	@Test
	void listsADiscardedDeadLetterWithItsQueueAndMessage() {
		String messageId = "audit-poison-" + UUID.randomUUID();
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(messageId);
		this.rabbit.send("", DLQ, new Message("{}".getBytes(StandardCharsets.UTF_8), properties));

		HttpResponse<String> discarded = this.client.admin("POST", "/api/dead-letters/" + DLQ + "/discard",
				GatewayIntegrationTest.ADMIN_KEY, "{\"messageId\":\"" + messageId + "\"}");

		assertThat(discarded.statusCode()).isEqualTo(200);
		assertThat(this.client
			.admin("GET", "/api/audit?action=dead-letter.discard", GatewayIntegrationTest.ADMIN_KEY, null)
			.body()).contains("\"target\":\"" + DLQ + " " + messageId + "\"").contains("\"status\":200");
	}

	@Test
	void refusesAQueryItCannotAnswer() {
		HttpResponse<String> response = this.client.admin("GET", "/api/audit?size=5000",
				GatewayIntegrationTest.ADMIN_KEY, null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("urn:switchboard:problem:audit:bad-query");
	}

	/**
	 * What a hostile caller would send: each answered 400 as a problem, never 500, never
	 * more than asked.
	 */
	@Test
	void refusesHostileQueriesAsProblemsAndTreatsWildcardsAsText() {
		for (String query : java.util.List.of("size=0", "size=-1", "size=201", "page=-1", "page=abc", "size=1e9",
				"page=99999999999", "actor=" + "a".repeat(201), "action=" + "x".repeat(301))) {
			HttpResponse<String> response = this.client.admin("GET", "/api/audit?" + query,
					GatewayIntegrationTest.ADMIN_KEY, null);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(query)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
		HttpResponse<String> farPage = this.client.admin("GET", "/api/audit?page=2147483647&size=200",
				GatewayIntegrationTest.ADMIN_KEY, null);
		assertThat(farPage.statusCode()).isEqualTo(200);
		assertThat(farPage.body()).contains("\"entries\":[]");
		for (String query : java.util.List.of("actor=%27%20or%20%271%27%3D%271", "action=%25", "action=_",
				"actor=%25")) {
			HttpResponse<String> response = this.client.admin("GET", "/api/audit?" + query,
					GatewayIntegrationTest.ADMIN_KEY, null);
			assertThat(response.statusCode()).as(query).isEqualTo(200);
			assertThat(response.body()).as("%s matches as text, not as a pattern or SQL", query)
				.contains("\"entries\":[]");
		}
		assertThat(this.client.admin("GET", "/api/audit", null, null).statusCode()).isEqualTo(401);
		assertThat(this.client.admin("GET", "/api/audit", "wrong-key-0123456789", null).statusCode()).isEqualTo(401);
	}

	static String publishedDelivery(WebhookClient client, String deliveryId) {
		byte[] body = ("{\"action\":\"closed\",\"issue\":{\"id\":1,\"number\":79,\"state\":\"closed\"},"
				+ "\"repository\":{\"full_name\":\"acme/widgets\"}}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> accepted = client.github("issues", deliveryId, body,
				WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, body));
		assertThat(accepted.statusCode()).isEqualTo(202);
		return accepted.body().replaceAll(".*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

}
