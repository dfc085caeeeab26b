package dev.switchboard.gateway.adminapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import dev.switchboard.gateway.console.ConsoleClient;
import dev.switchboard.testsupport.HostilePaths;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The helpdesk app's {@code agent} key: it reads a ticket's summary, links and unlinks,
 * starts calls and sessions (each audited with its name and role), and nothing else: no
 * other read, no replay, discard or other change, not under another method or route, not
 * under a spelling of the path that a hostile caller tries, and not through the console.
 * Nothing it is refused reaches a service.
 */
@GatewayIntegrationTest
class AgentRoleIntegrationTests {

	private static final String FORBIDDEN = "urn:switchboard:problem:admin:forbidden";

	private static final String AGENT = GatewayIntegrationTest.AGENT_KEY;

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
	void linksUnlinksAndStartsThroughTheRoutesAndEachChangeIsAuditedWithTheAgentsNameAndRole() {
		String linkId = UUID.randomUUID().toString();
		stubFor(post(urlPathEqualTo("/api/links")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"" + linkId + "\"}")));
		stubFor(delete(urlPathEqualTo("/api/links/" + linkId)).willReturn(aResponse().withStatus(204)));
		stubFor(post(urlPathEqualTo("/api/calls")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"callSid\":\"CA1\"}")));
		stubFor(post(urlPathEqualTo("/api/sessions")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"s-1\"}")));

		assertThat(this.client
			.admin("POST", "/api/links", AGENT,
					"{\"ticketId\":\"4711\",\"issueUrl\":\"https://github.com/o/r/issues/1\"}")
			.statusCode()).isEqualTo(201);
		assertThat(this.client.admin("DELETE", "/api/links/" + linkId, AGENT, null).statusCode()).isEqualTo(204);
		assertThat(this.client
			.admin("POST", "/api/calls", AGENT, "{\"ticketId\":\"4711\",\"agentPhone\":\"+14155550100\"}")
			.statusCode()).isEqualTo(201);
		assertThat(this.client
			.admin("POST", "/api/sessions", AGENT,
					"{\"ticketId\":\"4711\",\"provider\":\"teamviewer\",\"agentEmail\":\"a@example.com\"}")
			.statusCode()).isEqualTo(201);

		verify(postRequestedFor(urlPathEqualTo("/api/links")).withoutHeader("Authorization")
			.withHeader("X-Switchboard-Internal-Token", equalTo("test-internal-token-0123456789")));
		verify(deleteRequestedFor(urlPathEqualTo("/api/links/" + linkId)));
		String audit = this.client
			.admin("GET", "/api/audit?actor=helpdesk-app&size=200", GatewayIntegrationTest.ADMIN_KEY, null)
			.body();
		assertThat(audit)
			.contains("\"actor\":\"helpdesk-app\",\"role\":\"agent\",\"channel\":\"api\",\"action\":\"link.create\"")
			.contains("\"action\":\"link.delete\",\"target\":\"" + linkId + "\",\"method\":\"DELETE\"")
			.contains("\"action\":\"call.start\"")
			.contains("\"action\":\"session.start\"")
			.doesNotContain(AGENT);
	}

	@Test
	void readsATicketsSummaryAndNothingElse() {
		stubFor(get(urlPathEqualTo("/api/links")).willReturn(okJson("[]")));
		stubFor(get(urlPathEqualTo("/api/calls")).willReturn(okJson("[]")));
		stubFor(get(urlPathEqualTo("/api/sessions")).willReturn(okJson("[]")));
		stubFor(get(urlPathEqualTo("/api/incidents")).willReturn(okJson("[]")));

		assertThat(this.client.admin("GET", "/api/tickets/4711/summary", AGENT, null).statusCode()).isEqualTo(200);
		assertThat(this.client.admin("HEAD", "/api/tickets/4711/summary", AGENT, null).statusCode()).isEqualTo(200);

		WireMock.resetAllRequests();
		List<String> failures = new ArrayList<>();
		for (String read : List.of("/api/deliveries", "/api/deliveries/" + UUID.randomUUID(), "/api/audit",
				"/api/dead-letters", "/api/dead-letter-jobs", "/api/replay-jobs", "/api/replay-jobs/estimate",
				"/api/timeline?value=4711", "/api/docs", "/api/docs/issue-sync-service", "/api/links?ticketId=4711",
				"/api/calls?ticketId=4711", "/api/sessions?ticketId=4711", "/api/subscriptions", "/api/feeds",
				"/api/tickets/4711", "/api/tickets/4711/summary/more", "/API/tickets/4711/summary")) {
			expectForbidden("GET", read, failures);
		}
		assertThat(failures).isEmpty();
		assertThat(WireMock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void mayNotReplayDiscardAdministerOrChangeUnderAnotherMethodOrRoute() {
		stubFor(any(anyUrl()).willReturn(okJson("{}")));
		WireMock.resetAllRequests();
		String id = UUID.randomUUID().toString();
		List<String> failures = new ArrayList<>();
		for (String[] change : new String[][] { { "POST", "/api/deliveries/" + id + "/replay" },
				{ "POST", "/api/replay-jobs" }, { "POST", "/api/replay-jobs/" + id + "/cancel" },
				{ "POST", "/api/dead-letters/webhooks.inbound.issue-sync-service.dlq/replay" },
				{ "POST", "/api/dead-letters/webhooks.inbound.issue-sync-service.dlq/discard" },
				{ "POST", "/api/dead-letters/webhooks.inbound.issue-sync-service.dlq/replay-jobs" },
				{ "POST", "/api/dead-letter-jobs/" + id + "/cancel" }, { "POST", "/api/subscriptions" },
				{ "PATCH", "/api/subscriptions/" + id }, { "DELETE", "/api/subscriptions/" + id },
				{ "POST", "/api/sessions/" + id + "/end" }, { "PUT", "/api/links/" + id },
				{ "PATCH", "/api/links/" + id }, { "POST", "/api/links/" + id }, { "DELETE", "/api/links" },
				{ "PUT", "/api/links" }, { "DELETE", "/api/calls/" + id }, { "PUT", "/api/calls" },
				{ "DELETE", "/api/sessions/" + id }, { "PATCH", "/api/sessions" }, { "OPTIONS", "/api/links" },
				{ "POST", "/api/tickets/4711/summary" }, { "DELETE", "/api/links/" + id + "/x" },
				{ "POST", "/API/links" }, { "POST", "/Api/calls" } }) {
			expectForbidden(change[0], change[1], failures);
		}
		assertThat(failures).isEmpty();
		assertThat(WireMock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
		String audit = this.client
			.admin("GET", "/api/audit?actor=helpdesk-app&action=dead-letter.discard&size=200",
					GatewayIntegrationTest.ADMIN_KEY, null)
			.body();
		assertThat(audit).as("refused changes are audited too").contains("\"status\":403");
	}

	@Test
	void theSpellingsAHostileCallerTriesAreRefusedBeforeTheKeyCountsAndReachNoService() throws IOException {
		stubFor(any(anyUrl()).willReturn(okJson("{}")));
		WireMock.resetAllRequests();
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (String allowed : List.of("/api/links", "/api/calls", "/api/sessions", "/api/tickets/4711/summary")) {
			for (String spelling : HostilePaths.spellings(allowed)) {
				if (spelling.split("\\?")[0].equals(allowed)) {
					// the path itself (with a query): what the agent may do
					continue;
				}
				for (String method : List.of("GET", "POST", "DELETE")) {
					HostilePaths.Answer answer = sendWithKey(method, spelling);
					sent++;
					// the canonical-path rule answers 400; a case-changed path is another
					// admin path, and the agent may not touch it
					if (answer.status() != 400 && answer.status() != 403) {
						failures.add(method + " " + spelling + " -> " + answer.summary());
					}
				}
			}
		}
		assertThat(sent).isGreaterThan(300);
		assertThat(failures).isEmpty();
		assertThat(WireMock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void anAgentKeyDoesNotOpenTheConsole() {
		ConsoleClient console = new ConsoleClient(this.port);

		HttpResponse<String> refused = console.signIn(AGENT);

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(refused.body()).contains("does not open");
		assertThat(this.client.admin("GET", "/console/deliveries", AGENT, null).statusCode())
			.as("a bearer key never opens the console")
			.isNotEqualTo(200);
	}

	private void expectForbidden(String method, String path, List<String> failures) {
		HttpResponse<String> response = this.client.admin(method, path, AGENT,
				method.equals("GET") || method.equals("DELETE") ? null : "{}");
		while (response.statusCode() == 429) {
			pause();
			response = this.client.admin(method, path, AGENT,
					method.equals("GET") || method.equals("DELETE") ? null : "{}");
		}
		if (response.statusCode() != 403 || !response.body().contains(FORBIDDEN)
				|| !response.body().contains("helpdesk-app")) {
			failures.add(method + " " + path + " -> " + response.statusCode() + " " + response.body());
		}
	}

	/** The key's rate limit (25 a second here) is spent: wait for the next second. */
	private static void pause() {
		try {
			Thread.sleep(1100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HostilePaths.Answer sendWithKey(String method, String target) throws IOException {
		HostilePaths.Answer answer = sendOnceWithKey(method, target);
		while (answer.status() == 429) {
			pause();
			answer = sendOnceWithKey(method, target);
		}
		return answer;
	}

	/** The request line exactly as written, with the agent's key. */
	private HostilePaths.Answer sendOnceWithKey(String method, String target) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			String content = method.equals("POST") ? "{\"ticketId\":\"1\"}" : "";
			out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ "Authorization: Bearer " + AGENT + "\r\nContent-Type: application/json\r\nContent-Length: "
					+ content.length() + "\r\n\r\n" + content)
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int status = response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
			return new HostilePaths.Answer(status, "", response.substring(Math.max(0, response.indexOf("\r\n\r\n"))));
		}
	}

}
