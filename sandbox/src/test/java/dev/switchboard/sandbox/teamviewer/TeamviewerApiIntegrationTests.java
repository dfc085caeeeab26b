package dev.switchboard.sandbox.teamviewer;

import dev.switchboard.sandbox.Sandbox;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import dev.switchboard.sandbox.SandboxIntegrationTest;
import dev.switchboard.sandbox.StubGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulated TeamViewer as remote-session uses it, and the session's run: the
 * customer's join link starts the connection, the supporter's page ends it, each pushed
 * to the gateway as a Standard Webhooks event the library verifies.
 */
@SandboxIntegrationTest
class TeamviewerApiIntegrationTests {

	@Autowired
	Sandbox sandbox;

	private final StubGateway gateway = StubGateway.get();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void refusesACallWithoutTheToken() throws Exception {
		HttpResponse<String> answer = this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url("/teamviewer/api/v1/sessions"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"groupname\":\"Switchboard\"}")));

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("invalid_token");
	}

	@Test
	void runsASessionFromItsCodeToItsEndAndPushesBothEventsSigned() throws Exception {
		JsonNode created = api("/sessions",
				HttpRequest.BodyPublishers
					.ofString("{\"groupname\":\"Switchboard\",\"description\":\"Ticket 1042 (Switchboard session "
							+ "5d0c1a52-8a70-4c2e-9d8a-1f6a2b3c4d5e)\"}"));
		String code = created.path("code").asString();
		int pushedBefore = pushed().size();

		HttpResponse<String> joined = this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url("/teamviewer/join/" + code))
				.POST(HttpRequest.BodyPublishers.noBody()));
		HttpResponse<String> ended = this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url("/teamviewer/supporter/" + code + "/end"))
				.POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(created.path("code").asString()).matches("s\\d{2}-\\d{3}-\\d{3}");
		assertThat(created.path("end_customer_link").asString()).endsWith("/teamviewer/join/" + code);
		assertThat(joined.statusCode()).isEqualTo(302);
		assertThat(ended.statusCode()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(5)).until(() -> pushed().size() == pushedBefore + 2);
		List<StubGateway.Received> events = pushed().subList(pushedBefore, pushedBefore + 2);
		for (StubGateway.Received event : events) {
			new Webhook(SandboxIntegrationTest.REMOTE_SESSION_SECRET).verify(event.body(),
					HttpHeaders.of(Map.of("webhook-id", List.of(event.header("webhook-id")), "webhook-timestamp",
							List.of(event.header("webhook-timestamp")), "webhook-signature",
							List.of(event.header("webhook-signature"))), (name, value) -> true));
		}
		assertThat(events).extracting((event) -> this.json.readTree(event.body()).path("type").asString())
			.containsExactly("session.started", "session.ended");
		assertThat(this.json.readTree(events.get(1).body()).path("providerSessionId").asString()).isEqualTo(code);
		JsonNode reports = api("/reports/connections?session_code=" + code, null);
		assertThat(reports.path("records")).singleElement().satisfies((record) -> {
			assertThat(record.path("session_code").asString()).isEqualTo(code);
			assertThat(record.has("end_date")).isTrue();
		});
		HttpResponse<String> customerPage = this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url("/teamviewer/join/" + code)));
		HttpResponse<String> world = this.sandbox.send(HttpRequest.newBuilder(this.sandbox.url("/")));
		assertThat(customerPage.statusCode()).isEqualTo(200);
		assertThat(customerPage.body()).contains("The session ended after");
		assertThat(world.statusCode()).as(world.body()).isEqualTo(200);
		assertThat(world.body()).contains("id=\"session-" + code + "\"", "/console/timeline?value=5d0c1a52");
		JsonNode closed = this.json.readTree(
				this.sandbox
					.send(HttpRequest.newBuilder(this.sandbox.url("/teamviewer/api/v1/sessions/" + code))
						.header("Authorization", "Bearer " + SandboxIntegrationTest.TEAMVIEWER_TOKEN)
						.header("Content-Type", "application/json")
						.PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"closed\"}")))
					.body());
		assertThat(closed.path("state").asString()).isEqualTo("closed");
	}

	private List<StubGateway.Received> pushed() {
		return this.gateway.received((received) -> received.path().equals("/webhooks/remote-session"));
	}

	private JsonNode api(String path, HttpRequest.@Nullable BodyPublisher body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.sandbox.url("/teamviewer/api/v1" + path))
			.header("Authorization", "Bearer " + SandboxIntegrationTest.TEAMVIEWER_TOKEN)
			.header("Content-Type", "application/json");
		HttpResponse<String> answer = this.sandbox.send((body != null) ? request.POST(body) : request.GET());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return this.json.readTree(answer.body());
	}

}
