package dev.switchboard.remotesession.session;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newSessionCode;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newTicketId;
import static dev.switchboard.remotesession.RemoteSessionFixtures.startBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.AddPublicReply;
import dev.switchboard.contracts.SessionCreated;
import dev.switchboard.contracts.SessionEnded;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /api/sessions} over the real broker and database, TeamViewer faked.
 */
@RemoteSessionIntegrationTest
class SessionApiIntegrationTests {

	@Autowired
	RemoteSessionHarness harness;

	@Autowired
	JdbcClient jdbc;

	@Test
	void startsATeamviewerSessionAndWritesTheAgentLinkInternallyAndTheCustomerLinkPublicly() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		this.harness.stubTeamviewerCreates(ticketId, code);

		HttpResponse<String> response = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode session = this.harness.read(response);
		assertThat(session.get("provider").asString()).isEqualTo("teamviewer");
		assertThat(session.get("providerSessionId").asString()).isEqualTo(code);
		assertThat(session.get("state").asString()).isEqualTo("invited");
		assertThat(session.get("agentUrl").asString()).isEqualTo("https://start.teamviewer.com/" + code + "/supporter");
		assertThat(session.get("customerUrl").asString()).isEqualTo("https://get.teamviewer.com/" + code + "/customer");
		assertThat(session.get("expiresAt").asString()).isNotBlank();
		assertThat(response.headers().firstValue("Location")).hasValue("/api/sessions/" + session.get("id").asString());
		this.harness.teamviewer()
			.verifyThat(1,
					postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
						.withHeader("Authorization", equalTo("Bearer test-teamviewer-token"))
						.withRequestBody(matchingJsonPath("$.groupname", equalTo("Switchboard")))
						.withRequestBody(matchingJsonPath("$.end_customer.email", equalTo("carla@customer.example")))
						.withRequestBody(containing("Ticket " + ticketId + " ")));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(ticketId)).hasSize(2));
		List<TicketCommand> commands = this.harness.commandsFor(ticketId);
		AddInternalNote agentNote = only(commands, AddInternalNote.class);
		AddPublicReply customerReply = only(commands, AddPublicReply.class);
		assertThat(agentNote.body()).contains("https://start.teamviewer.com/" + code + "/supporter")
			.doesNotContain("/customer");
		assertThat(customerReply.body()).contains("https://get.teamviewer.com/" + code + "/customer")
			.contains("will ask for your permission before viewing or controlling your screen")
			.contains("Hello Carla Customer")
			.doesNotContain("/supporter");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.eventsFor(ticketId)).hasSize(1));
		SessionCreated created = (SessionCreated) this.harness.eventsFor(ticketId).get(0);
		assertThat(created.providerSessionId()).isEqualTo(code);
		assertThat(created.sessionId()).hasToString(session.get("id").asString());
	}

	@Test
	void aSecondStartForTheSameTicketAndAgentReturnsTheLiveSessionWithoutCallingTheVendorAgain() {
		String ticketId = newTicketId();
		this.harness.stubTeamviewerCreates(ticketId, newSessionCode());

		HttpResponse<String> first = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ada@example.com"));
		HttpResponse<String> second = this.harness.api("POST", "/api/sessions",
				startBody(ticketId, "teamviewer", "ADA@example.com"));

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(this.harness.read(second).get("id").asString())
			.isEqualTo(this.harness.read(first).get("id").asString());
		this.harness.teamviewer()
			.verifyThat(1, postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
				.withRequestBody(containing("Ticket " + ticketId + " ")));
	}

	@Test
	void concurrentStartsForTheSameTicketAndAgentYieldOneSession() throws Exception {
		String ticketId = newTicketId();
		this.harness.stubTeamviewerCreates(ticketId, newSessionCode());
		String body = startBody(ticketId, "teamviewer", "ada@example.com");
		List<HttpResponse<String>> responses;
		try (ExecutorService callers = Executors.newFixedThreadPool(6)) {
			List<Future<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				calls.add(callers.submit(() -> this.harness.api("POST", "/api/sessions", body)));
			}
			responses = new ArrayList<>();
			for (Future<HttpResponse<String>> call : calls) {
				responses.add(call.get(30, TimeUnit.SECONDS));
			}
		}

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 201).containsOnlyOnce(201);
		assertThat(responses).extracting((response) -> this.harness.read(response).get("id").asString())
			.containsOnly(this.harness
				.read(responses.stream().filter((response) -> response.statusCode() == 201).findFirst().orElseThrow())
				.get("id")
				.asString());
		this.harness.teamviewer()
			.verifyThat(1, postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
				.withRequestBody(containing("Ticket " + ticketId + " ")));
		assertThat(this.jdbc.sql("select count(*) from remote_session where ticket_id = ?")
			.param(ticketId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void listsTheSessionsOfATicketAndShowsOneWithItsHistory() {
		String ticketId = newTicketId();
		this.harness.stubTeamviewerCreates(ticketId, newSessionCode());
		String id = this.harness
			.read(this.harness.api("POST", "/api/sessions", startBody(ticketId, "teamviewer", "ada@example.com")))
			.get("id")
			.asString();

		JsonNode list = this.harness.read(this.harness.api("GET", "/api/sessions?ticketId=" + ticketId, null));
		JsonNode one = this.harness.read(this.harness.api("GET", "/api/sessions/" + id, null));

		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("id").asString()).isEqualTo(id);
		assertThat(one.get("agentEmail").asString()).isEqualTo("ada@example.com");
		assertThat(one.get("startedVia").asString()).isEqualTo("api");
		assertThat(one.get("history").findValuesAsString("kind")).containsExactly("created", "invited");
	}

	@Test
	void endsASessionAtTheAgentsRequestClosingTheCodeAndWritingOneEndNote() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		this.harness.stubTeamviewerCreates(ticketId, code);
		this.harness.teamviewer().register(put(urlPathEqualTo("/api/v1/sessions/" + code)).willReturn(ok()));
		String id = this.harness
			.read(this.harness.api("POST", "/api/sessions", startBody(ticketId, "teamviewer", "ada@example.com")))
			.get("id")
			.asString();

		HttpResponse<String> ended = this.harness.api("POST", "/api/sessions/" + id + "/end", null);
		HttpResponse<String> again = this.harness.api("POST", "/api/sessions/" + id + "/end", null);

		assertThat(ended.statusCode()).isEqualTo(200);
		assertThat(this.harness.read(ended).get("state").asString()).isEqualTo("ended");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		this.harness.teamviewer()
			.verifyThat(1, putRequestedFor(urlPathEqualTo("/api/v1/sessions/" + code))
				.withRequestBody(equalToJson("{\"state\":\"closed\"}")));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.harness.commandsFor(ticketId)).filteredOn(AddInternalNote.class::isInstance)
						.hasSize(2));
		assertThat(this.harness.commandsFor(ticketId)).filteredOn(AddInternalNote.class::isInstance)
			.map((command) -> ((AddInternalNote) command).body())
			.anySatisfy((body) -> assertThat(body).contains("Remote session ended")
				.contains("Agent: ada@example.com")
				.contains("End reason: ended by the agent in Switchboard"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.harness.eventsFor(ticketId)).hasAtLeastOneElementOfType(SessionEnded.class));
	}

	@Test
	void answersProblemDetailsForInvalidRequestsAndUnknownSessions() {
		HttpResponse<String> invalid = this.harness.api("POST", "/api/sessions", """
				{"ticketId":"","provider":"zoom","agentEmail":"not-an-address"}
				""");
		HttpResponse<String> guacamoleWithoutConnection = this.harness.api("POST", "/api/sessions",
				startBody(newTicketId(), "guacamole", "ada@example.com"));
		HttpResponse<String> unknown = this.harness.api("GET", "/api/sessions/" + UUID.randomUUID(), null);
		HttpResponse<String> noTicket = this.harness.api("GET", "/api/sessions", null);

		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(guacamoleWithoutConnection.statusCode()).isEqualTo(400);
		assertThat(this.harness.read(guacamoleWithoutConnection).get("detail").asString())
			.contains("needs a connection");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(noTicket.statusCode()).isEqualTo(400);
	}

	@Test
	void servesItsOpenApiDescriptionToTheGatewayOnly() throws Exception {
		java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
		HttpResponse<String> docs = client
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.harness.baseUrl() + "/v3/api-docs"))
				.header("X-Switchboard-Internal-Token", "test-internal-token-0123456789")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(client
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.harness.baseUrl() + "/v3/api-docs"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
		assertThat(docs.body()).contains("/api/sessions").contains("/api/sessions/{id}/end");
	}

	private static <T> T only(List<TicketCommand> commands, Class<T> type) {
		List<T> matching = commands.stream().filter(type::isInstance).map(type::cast).toList();
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

}
