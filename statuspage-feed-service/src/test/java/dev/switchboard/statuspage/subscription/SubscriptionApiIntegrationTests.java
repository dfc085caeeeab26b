package dev.switchboard.statuspage.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

@StatuspageIntegrationTest
class SubscriptionApiIntegrationTests {

	@LocalServerPort
	int port;

	AdminApi api;

	@BeforeEach
	void api() {
		this.api = new AdminApi(this.port);
	}

	@Test
	void createsListsPausesRefiltersAndDeletesASubscription() {
		HttpResponse<String> created = this.api.post("/api/subscriptions", """
				{"name": "Acme Corp", "source": {"type": "statuspage", "pageId": "pgapi0000001",
				 "feedUrl": "https://status.example-cdn.com/history.atom"},
				 "channel": {"type": "slack", "channelId": "CAPI00001"}, "components": ["CDN", "API"]}
				""");

		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = this.api.json(created);
		String id = body.path("id").asString();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/subscriptions/" + id);
		assertThat(body.path("state").asString()).isEqualTo("active");
		assertThat(body.path("source").path("pageId").asString()).isEqualTo("pgapi0000001");
		assertThat(body.path("channel").path("channelId").asString()).isEqualTo("CAPI00001");
		assertThat(body.path("components").toString()).isEqualTo("[\"CDN\",\"API\"]");
		assertThat(this.api.get("/api/subscriptions").body()).contains(id);

		JsonNode paused = this.api.json(this.api.patch("/api/subscriptions/" + id, "{\"state\": \"paused\"}"));
		assertThat(paused.path("state").asString()).isEqualTo("paused");
		JsonNode refiltered = this.api.json(this.api.patch("/api/subscriptions/" + id, "{\"components\": [\"DNS\"]}"));
		assertThat(refiltered.path("components").toString()).isEqualTo("[\"DNS\"]");
		assertThat(refiltered.path("state").asString()).isEqualTo("paused");
		assertThat(this.api.json(this.api.get("/api/subscriptions/" + id)).path("components").toString())
			.isEqualTo("[\"DNS\"]");

		assertThat(this.api.delete("/api/subscriptions/" + id).statusCode()).isEqualTo(204);
		HttpResponse<String> gone = this.api.get("/api/subscriptions/" + id);
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.api.delete("/api/subscriptions/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void answersInvalidSubscriptionsWithProblemDetails() {
		HttpResponse<String> noChannel = this.api.post("/api/subscriptions", """
				{"name": "Acme", "source": {"type": "feed", "url": "https://status.example.com/history.rss"}}
				""");
		HttpResponse<String> ftp = this.api.post("/api/subscriptions", """
				{"name": "Acme", "source": {"type": "feed", "url": "ftp://status.example.com/history.rss"},
				 "channel": {"type": "slack", "channelId": "CAPI00002"}}
				""");
		HttpResponse<String> fileUrl = this.api.post("/api/subscriptions", """
				{"name": "Acme", "source": {"type": "feed", "url": "https://status.example.com/history.rss"},
				 "channel": {"type": "teams", "webhookUrl": "file:///etc/passwd"}}
				""");
		HttpResponse<String> weakSecret = this.api.post("/api/subscriptions", """
				{"name": "Acme", "source": {"type": "feed", "url": "https://status.example.com/history.rss"},
				 "channel": {"type": "webhook", "url": "https://hooks.example.com/in", "secret": "hunter2"}}
				""");
		HttpResponse<String> unknownType = this.api.post("/api/subscriptions", """
				{"name": "Acme", "source": {"type": "carrier-pigeon"}, "channel": {"type": "slack", "channelId": "C1"}}
				""");
		HttpResponse<String> malformed = this.api.post("/api/subscriptions", "{\"name\": ");
		HttpResponse<String> badState = this.api.patch("/api/subscriptions/00000000-0000-0000-0000-000000000000",
				"{\"state\": \"paused\"}");

		assertThat(noChannel.statusCode()).isEqualTo(400);
		assertThat(noChannel.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.api.json(noChannel).path("detail").asString()).isEqualTo("channel is required");
		assertThat(this.api.json(ftp).path("detail").asString()).contains("source.url must be an http(s) URL");
		assertThat(fileUrl.statusCode()).isEqualTo(400);
		assertThat(this.api.json(weakSecret).path("detail").asString()).contains("channel.secret");
		assertThat(weakSecret.body()).doesNotContain("hunter2");
		assertThat(unknownType.statusCode()).isEqualTo(400);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(badState.statusCode()).isEqualTo(404);
	}

	@Test
	void neverReturnsAWebhookSecretAndMasksTheTeamsSignature() {
		String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		HttpResponse<String> webhook = this.api.post("/api/subscriptions", """
				{"name": "Globex", "source": {"type": "feed", "url": "https://status.example.com/history.rss"},
				 "channel": {"type": "webhook", "url": "https://hooks.example.com/in?token=abc123", "secret": "%s"}}
				""".formatted(secret));
		HttpResponse<String> teams = this.api.post("/api/subscriptions",
				"""
						{"name": "Initech", "source": {"type": "feed", "url": "https://status.example.com/history.rss"},
						 "channel": {"type": "teams", "webhookUrl": "https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Zx9SecretSignature"}}
						""");

		assertThat(webhook.statusCode()).isEqualTo(201);
		assertThat(teams.statusCode()).isEqualTo(201);
		assertThat(webhook.body()).doesNotContain(secret).doesNotContain("abc123").contains("token=***");
		assertThat(this.api.json(webhook).path("channel").path("secretConfigured").asBoolean()).isTrue();
		assertThat(teams.body()).doesNotContain("Zx9SecretSignature").contains("sig=***");
		String list = this.api.get("/api/subscriptions").body();
		assertThat(list).doesNotContain(secret).doesNotContain("Zx9SecretSignature");
	}

	@Test
	void servesItsOpenApiDescriptionOfTheApiOnly() {
		HttpResponse<String> docs = this.api.get("/v3/api-docs");

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/subscriptions").contains("/api/feeds").doesNotContain("/actuator");
	}

}
