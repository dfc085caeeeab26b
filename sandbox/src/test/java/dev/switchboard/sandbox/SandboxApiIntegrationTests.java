package dev.switchboard.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.switchboard.sandbox.github.Issue;
import dev.switchboard.sandbox.github.IssueTracker;
import dev.switchboard.sandbox.zendesk.Helpdesk;
import dev.switchboard.sandbox.zendesk.Ticket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated Zendesk, Slack and GitHub APIs over HTTP, as the services call them. */
@SandboxIntegrationTest
class SandboxApiIntegrationTests {

	@Autowired
	Sandbox sandbox;

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Helpdesk helpdesk;

	@Autowired
	IssueTracker github;

	@Test
	void answersAClosedTicketsReopeningWith422() throws Exception {
		long requester = this.helpdesk.addUser("Dana", "dana@example.com", "end-user").id();
		Ticket ticket = this.helpdesk.open("Old problem", requester, "It failed.", "closed");

		HttpResponse<String> answer = this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url("/api/v2/tickets/" + ticket.id() + ".json"))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(
						"{\"ticket\":{\"comment\":{\"body\":\"Closed\",\"public\":false},\"status\":\"open\"}}")));

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("closed prevents ticket update");
	}

	/**
	 * crm-bridge's missed call from a new number: the caller searched by phone, created
	 * as an end user, the ticket created once whatever the retries.
	 */
	@Test
	void findsCreatesAndOpensTicketsForACallerAsCrmBridgeAsks() throws Exception {
		HttpResponse<String> search = this.sandbox.send(HttpRequest
			.newBuilder(this.sandbox.url("/api/v2/search.json?query=role%3Aend-user%20phone%3A*6285550142")));
		HttpResponse<String> user = post("/api/v2/users.json",
				"{\"user\":{\"name\":\"+1 628-555-0142\",\"phone\":\"+16285550142\",\"role\":\"end-user\"}}", null);
		long userId = this.json.readTree(user.body()).path("user").path("id").asLong();
		HttpResponse<String> found = this.sandbox.send(HttpRequest
			.newBuilder(this.sandbox.url("/api/v2/search.json?query=role%3Aend-user%20phone%3A*6285550142")));
		String ticket = "{\"ticket\":{\"subject\":\"Missed call from +1 628-555-0142\",\"requester_id\":" + userId
				+ ",\"comment\":{\"body\":\"Missed call\",\"public\":false}}}";
		HttpResponse<String> created = post("/api/v2/tickets.json", ticket, "switchboard-call-CA42");
		HttpResponse<String> again = post("/api/v2/tickets.json", ticket, "switchboard-call-CA42");

		assertThat(this.json.readTree(search.body()).path("count").asInt()).isZero();
		assertThat(user.statusCode()).isEqualTo(201);
		JsonNode results = this.json.readTree(found.body()).path("results");
		assertThat(results).singleElement().satisfies((result) -> {
			assertThat(result.path("id").asLong()).isEqualTo(userId);
			assertThat(result.path("result_type").asString()).isEqualTo("user");
		});
		assertThat(created.statusCode()).isEqualTo(201);
		long ticketId = this.json.readTree(created.body()).path("ticket").path("id").asLong();
		assertThat(this.json.readTree(again.body()).path("ticket").path("id").asLong()).isEqualTo(ticketId);
		assertThat(this.helpdesk.ticket(ticketId).orElseThrow().requesterId()).isEqualTo(userId);
	}

	@Test
	void answersA429WithRetryAfterToASecondPostInASecond() throws Exception {
		HttpResponse<String> first = post("/slack/api/chat.postMessage",
				"{\"channel\":\"C-pacing\",\"text\":\"Investigating\"}", null);
		HttpResponse<String> second = post("/slack/api/chat.postMessage",
				"{\"channel\":\"C-pacing\",\"text\":\"Investigating\"}", null);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("\"ok\":true", "\"ts\":");
		assertThat(second.statusCode()).isEqualTo(429);
		assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
	}

	@Test
	void findsAPostByItsMetadataOnlyWhenAskedToIncludeIt() throws Exception {
		String ts = this.json.readTree(post("/slack/api/chat.postMessage",
				"{\"channel\":\"C-lookup\",\"text\":\"API errors\",\"attachments\":[{\"title\":\"API errors\"}],"
						+ "\"metadata\":{\"event_type\":\"switchboard_update\",\"event_payload\":{\"delivery\":\"sb:1\"}}}",
				null)
			.body()).path("ts").asString();

		JsonNode plain = this.json.readTree(this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url("/slack/api/conversations.history?channel=C-lookup")))
			.body());
		JsonNode withMetadata = this.json.readTree(this.sandbox
			.send(HttpRequest.newBuilder(
					this.sandbox.url("/slack/api/conversations.history?channel=C-lookup&include_all_metadata=true")))
			.body());

		assertThat(plain.path("messages").get(0).has("metadata")).isFalse();
		assertThat(withMetadata.path("messages").get(0).path("ts").asString()).isEqualTo(ts);
		assertThat(
				withMetadata.path("messages").get(0).path("metadata").path("event_payload").path("delivery").asString())
			.isEqualTo("sb:1");
		assertThat(withMetadata.path("messages").get(0).path("attachments").get(0).path("title").asString())
			.isEqualTo("API errors");
	}

	@Test
	void answersAnUnchangedIssueWith304() throws Exception {
		int number = this.github.open("octo-org/widgets", "It burns").number();
		URI issue = this.sandbox.url("/github/repos/octo-org/widgets/issues/" + number);

		HttpResponse<String> read = this.sandbox.send(HttpRequest.newBuilder(issue).GET());
		String etag = read.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> again = this.sandbox
			.send(HttpRequest.newBuilder(issue).header("If-None-Match", etag).GET());

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"state\":\"open\"", "\"number\":" + number);
		assertThat(again.statusCode()).isEqualTo(304);
	}

	/**
	 * GitHub's transfer: the issue gets a new id and number in the other repository, its
	 * old address answers 301 with the new one, and {@code issues} {@code transferred} is
	 * sent signed from the old repository with {@code changes.new_issue}.
	 */
	@Test
	void transfersTheNewestOpenIssueWithANewIdAnAddressThatRedirectsAndASignedWebhook() throws Exception {
		Issue issue = this.github.open("octo-org/widgets", "Transfer under test " + System.nanoTime());

		HttpResponse<String> step = this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url("/sandbox/steps/transfer-issue"))
				.POST(HttpRequest.BodyPublishers.noBody()));
		Issue moved = this.github.movedTo("octo-org/widgets", issue.number()).orElseThrow();
		HttpResponse<String> old = this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url("/github/repos/octo-org/widgets/issues/" + issue.number())));

		assertThat(step.statusCode()).isEqualTo(200);
		assertThat(moved.repository()).isEqualTo("octo-org/checkout");
		assertThat(moved.id()).isNotEqualTo(issue.id());
		assertThat(moved.number()).isNotEqualTo(issue.number());
		assertThat(moved.title()).isEqualTo(issue.title());
		assertThat(old.statusCode()).isEqualTo(301);
		assertThat(old.headers().firstValue("Location"))
			.hasValue("/github/repos/octo-org/checkout/issues/" + moved.number());
		HttpResponse<String> followed = java.net.http.HttpClient.newBuilder()
			.followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
			.build()
			.send(HttpRequest.newBuilder(this.sandbox.url("/github/repos/octo-org/widgets/issues/" + issue.number()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(this.json.readTree(followed.body()).path("id").asLong()).isEqualTo(moved.id());
		String newId = "\"id\":" + moved.id();
		StubGateway.Received delivery = org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> StubGateway.get()
				.received((r) -> r.path().equals("/webhooks/github") && r.body().contains(newId)),
					(found) -> !found.isEmpty())
			.get(0);
		byte[] body = delivery.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(delivery.header("X-Hub-Signature-256"))
			.isEqualTo(dev.switchboard.signatures.GithubSignature.sign("test-github", body));
		assertThat(delivery.header("X-GitHub-Event")).isEqualTo("issues");
		JsonNode payload = this.json.readTree(body);
		assertThat(payload.path("action").asString()).isEqualTo("transferred");
		assertThat(payload.path("issue").path("id").asLong()).isEqualTo(issue.id());
		assertThat(payload.path("repository").path("full_name").asString()).isEqualTo("octo-org/widgets");
		assertThat(payload.path("changes").path("new_issue").path("number").asInt()).isEqualTo(moved.number());
		assertThat(payload.path("changes").path("new_repository").path("full_name").asString())
			.isEqualTo("octo-org/checkout");
	}

	private HttpResponse<String> post(String path, String body, @Nullable String idempotencyKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.sandbox.url(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.sandbox.send(request);
	}

}
