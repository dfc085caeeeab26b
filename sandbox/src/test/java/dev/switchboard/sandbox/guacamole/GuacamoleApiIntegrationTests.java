package dev.switchboard.sandbox.guacamole;

import dev.switchboard.sandbox.Sandbox;

import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import dev.switchboard.sandbox.SandboxIntegrationTest;
import dev.switchboard.sandbox.StubGateway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulated Guacamole over HTTP as its web client calls it: a login with
 * remote-session's encrypted JSON, refused when the signature does not match or the data
 * expired; the connection's start and end pushed as signed Standard Webhooks events.
 */
@SandboxIntegrationTest
class GuacamoleApiIntegrationTests {

	@Autowired
	Sandbox sandbox;

	private final StubGateway gateway = StubGateway.get();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	GuacamoleServer guacamole;

	@Test
	void logsInWithSignedJsonAndReportsTheConnectionsStartAndEnd() throws Exception {
		String name = UUID.randomUUID().toString();
		String data = SealedJson.seal(SandboxIntegrationTest.GUACAMOLE_KEY, SealedJson.connection(name, future()),
				false);

		HttpResponse<String> login = tokens(data);
		assertThat(login.statusCode()).isEqualTo(200);
		JsonNode session = this.json.readTree(login.body());
		assertThat(session.path("username").asString()).isEqualTo("alice@example.com");
		assertThat(session.path("dataSource").asString()).isEqualTo("json");
		String token = session.path("authToken").asString();
		JsonNode connections = this.json
			.readTree(this.sandbox
				.send(HttpRequest
					.newBuilder(this.sandbox.url("/guacamole/api/session/data/json/connections?token=" + token)))
				.body());
		assertThat(connections.path(name).path("protocol").asString()).isEqualTo("rdp");

		assertThat(tunnel("POST", name, token).statusCode()).isEqualTo(200);
		assertThat(tunnel("POST", name, token).statusCode()).as("connected already").isEqualTo(409);
		assertThat(tunnel("DELETE", name, token).statusCode()).isEqualTo(200);
		assertThat(tunnel("DELETE", name, "another-token").statusCode()).isEqualTo(403);

		List<StubGateway.Received> events = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.gateway
				.received((r) -> r.path().equals("/webhooks/remote-session") && r.body().contains("\"" + name + "\"")),
					(found) -> found.size() == 2);
		for (StubGateway.Received event : events) {
			new Webhook(SandboxIntegrationTest.REMOTE_SESSION_SECRET).verify(event.body(),
					HttpHeaders.of(Map.of("webhook-id", List.of(event.header("webhook-id")), "webhook-timestamp",
							List.of(event.header("webhook-timestamp")), "webhook-signature",
							List.of(event.header("webhook-signature"))), (header, value) -> true));
		}
		assertThat(events).extracting((event) -> this.json.readTree(event.body()).path("type").asString())
			.containsExactly("session.started", "session.ended");
		JsonNode ended = this.json.readTree(events.get(1).body());
		assertThat(ended.path("agent").asString()).isEqualTo("alice@example.com");
		assertThat(ended.path("host").asString()).isEqualTo("ts01.corp.example");
		assertThat(ended.has("durationSeconds")).isTrue();
		HttpResponse<String> world = this.sandbox.send(HttpRequest.newBuilder(this.sandbox.url("/")));
		assertThat(world.statusCode()).as(world.body()).isEqualTo(200);
		assertThat(world.body()).contains("id=\"guacamole-" + name + "\"", "disconnected");
	}

	@Test
	void refusesABadSignatureAndExpiredDataAsAnInvalidLogin() throws Exception {
		String name = UUID.randomUUID().toString();
		HttpResponse<String> forged = tokens(
				SealedJson.seal(SandboxIntegrationTest.GUACAMOLE_KEY, SealedJson.connection(name, future()), true));
		HttpResponse<String> expired = tokens(SealedJson.seal(SandboxIntegrationTest.GUACAMOLE_KEY,
				SealedJson.connection(name, System.currentTimeMillis() - 1000), false));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(this.json.readTree(forged.body()).path("type").asString()).isEqualTo("INVALID_CREDENTIALS");
		assertThat(expired.statusCode()).isEqualTo(403);
		assertThat(this.guacamole.connection(name)).isEmpty();
		assertThat(this.guacamole.refusals()).extracting(GuacamoleServer.Refusal::reason)
			.anyMatch((reason) -> reason.contains("signature does not match"))
			.anyMatch((reason) -> reason.contains("expired"));
	}

	@Test
	void servesTheClientPageTheAgentsLinkOpens() throws Exception {
		HttpResponse<String> page = this.sandbox.send(HttpRequest.newBuilder(this.sandbox.url("/guacamole/")));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("api/tokens", "data=");
	}

	private HttpResponse<String> tokens(String data) throws Exception {
		return this.sandbox.send(HttpRequest.newBuilder(this.sandbox.url("/guacamole/api/tokens"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("data=" + URLEncoder.encode(data, StandardCharsets.UTF_8))));
	}

	private HttpResponse<String> tunnel(String method, String name, String token) throws Exception {
		return this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url("/guacamole/sandbox/tunnels/" + name + "?token=" + token))
				.method(method, HttpRequest.BodyPublishers.noBody()));
	}

	private static long future() {
		return System.currentTimeMillis() + 3_600_000;
	}

}
