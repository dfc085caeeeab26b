package dev.switchboard.sandbox.jira;

import dev.switchboard.sandbox.Sandbox;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.switchboard.sandbox.SandboxIntegrationTest;
import dev.switchboard.sandbox.StubGateway;
import dev.switchboard.signatures.JiraSignature;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulated Jira Cloud over HTTP as issue-sync calls it (basic auth, REST v3), and
 * the webhook it sends when an issue is done, signed as Jira signs it.
 */
@SandboxIntegrationTest
class JiraApiIntegrationTests {

	@Autowired
	Sandbox sandbox;

	private final StubGateway gateway = StubGateway.get();

	private static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
		.encodeToString(
				("switchboard@example.com:" + SandboxIntegrationTest.JIRA_TOKEN).getBytes(StandardCharsets.UTF_8));

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	JiraSite jira;

	@Test
	void readsAnIssueByItsOldKeyAfterAMoveWithTheFieldsAskedFor() throws Exception {
		JiraIssue issue = this.jira.create("SUP", "Exports stall");
		JiraIssue moved = this.jira.move(issue.id(), "ENG");

		HttpResponse<String> read = get(
				"/jira/rest/api/3/issue/" + issue.key() + "?fields=summary,status,updated,resolution", AUTHORIZATION);

		assertThat(read.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(read.body());
		assertThat(body.path("id").asString()).isEqualTo(Long.toString(issue.id()));
		assertThat(body.path("key").asString()).isEqualTo(moved.key());
		assertThat(body.path("fields").propertyNames()).containsExactlyInAnyOrder("summary", "status", "updated",
				"resolution");
		assertThat(body.path("fields").path("status").path("statusCategory").path("key").asString()).isEqualTo("new");
		assertThat(body.path("fields").path("updated").asString())
			.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000");
		assertThat(body.path("fields").path("resolution").isNull()).isTrue();
		HttpResponse<String> browse = this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url("/jira/browse/" + issue.key())));
		assertThat(browse.statusCode()).isEqualTo(302);
		assertThat(browse.headers().firstValue("Location")).hasValue("/#jira-" + issue.id());
	}

	@Test
	void refusesACallWithoutTheAccountsApiToken() throws Exception {
		JiraIssue issue = this.jira.create("SUP", "Exports stall");
		String wrong = "Basic " + Base64.getEncoder()
			.encodeToString("switchboard@example.com:another-token".getBytes(StandardCharsets.UTF_8));

		assertThat(get("/jira/rest/api/3/issue/" + issue.key(), wrong).statusCode()).isEqualTo(401);
		assertThat(this.sandbox.send(HttpRequest.newBuilder(this.sandbox.url("/jira/rest/api/3/issue/" + issue.key())))
			.statusCode()).isEqualTo(401);
		assertThat(get("/jira/rest/api/3/issue/NOPE-1", AUTHORIZATION).body())
			.contains("Issue does not exist or you do not have permission to see it.");
	}

	@Test
	void takesCommentsAsAtlassianDocumentsAndLabelsThroughUpdate() throws Exception {
		JiraIssue issue = this.jira.create("SUP", "Exports stall");
		String document = "{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":"
				+ "[{\"type\":\"text\",\"text\":\"Reported in 1 conversation\"}]}]}}";

		HttpResponse<String> comment = this.sandbox.send(authorized("/jira/rest/api/3/issue/" + issue.id() + "/comment")
			.POST(HttpRequest.BodyPublishers.ofString(document)));
		HttpResponse<String> empty = this.sandbox.send(authorized("/jira/rest/api/3/issue/" + issue.id() + "/comment")
			.POST(HttpRequest.BodyPublishers.ofString("{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[]}}")));
		HttpResponse<String> labels = this.sandbox.send(authorized("/jira/rest/api/3/issue/" + issue.key()).PUT(
				HttpRequest.BodyPublishers.ofString("{\"update\":{\"labels\":[{\"add\":\"switchboard-reported\"}]}}")));

		assertThat(comment.statusCode()).isEqualTo(201);
		assertThat(this.json.readTree(comment.body()).path("body").path("type").asString()).isEqualTo("doc");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(labels.statusCode()).isEqualTo(204);
		JiraIssue now = this.jira.issue(issue.key()).orElseThrow();
		assertThat(now.comments()).extracting(JiraIssue.Comment::text).containsExactly("Reported in 1 conversation");
		assertThat(now.labels()).containsExactly("switchboard-reported");
	}

	@Test
	void sendsTheTransitionToDoneAsAJiraIssueUpdatedWebhookSignedWithXHubSignature() throws Exception {
		JiraIssue issue = this.jira.create("SUP", "Webhook under test " + System.nanoTime());

		HttpResponse<String> step = this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url("/sandbox/steps/close-jira-issue"))
				.POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(step.statusCode()).isEqualTo(200);
		String self = "/rest/api/3/issue/" + issue.id() + "\"";
		StubGateway.Received delivery = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.gateway.received((r) -> r.path().equals("/webhooks/jira") && r.body().contains(self)),
					(found) -> !found.isEmpty())
			.get(0);
		byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
		assertThat(delivery.header("X-Hub-Signature"))
			.isEqualTo(JiraSignature.sign(SandboxIntegrationTest.JIRA_SECRET, body));
		assertThat(delivery.headers()).doesNotContainKey("X-Hub-Signature-256");
		assertThat(delivery.header("X-Atlassian-Webhook-Identifier")).isNotBlank();
		JsonNode payload = this.json.readTree(body);
		assertThat(payload.path("webhookEvent").asString()).isEqualTo("jira:issue_updated");
		assertThat(payload.path("issue").path("fields").path("status").path("statusCategory").path("key").asString())
			.isEqualTo("done");
		JsonNode item = payload.path("changelog").path("items").get(0);
		assertThat(List.of(item.path("field").asString(), item.path("fromString").asString(),
				item.path("toString").asString()))
			.containsExactly("status", "To Do", "Done");
		assertThat(payload.path("timestamp").asLong())
			.isEqualTo(this.jira.issue(issue.key()).orElseThrow().updatedAt().toEpochMilli());
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		return this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url(path)).header("Authorization", authorization).GET());
	}

	private HttpRequest.Builder authorized(String path) {
		return HttpRequest.newBuilder(this.sandbox.url(path))
			.header("Authorization", AUTHORIZATION)
			.header("Content-Type", "application/json");
	}

}
