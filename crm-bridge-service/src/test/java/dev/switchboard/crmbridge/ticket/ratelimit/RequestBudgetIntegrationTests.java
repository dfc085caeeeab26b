package dev.switchboard.crmbridge.ticket.ratelimit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.crmbridge.CrmBridgeIntegrationTest;
import dev.switchboard.crmbridge.Harness;
import dev.switchboard.crmbridge.ticket.CommandProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.switchboard.crmbridge.Fixtures.fixture;
import static dev.switchboard.crmbridge.Fixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Zendesk account's request budget, one for every instance: one request a minute
 * here, so a single request spends it. Each test starts with a full budget.
 */
@TestPropertySource(properties = "crm-bridge.commands.requests-per-minute=1")
@CrmBridgeIntegrationTest
class RequestBudgetIntegrationTests {

	@Autowired
	Harness harness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	CommandProperties properties;

	@LocalServerPort
	int port;

	/**
	 * Each test starts with a full budget, and leaves none behind: the other tests'
	 * context (100,000 a minute) shares this database, and a bucket stored here would
	 * impose this context's configuration on it.
	 */
	@BeforeEach
	void fullBudget() {
		this.jdbc.sql("delete from rate_limit_bucket").update();
	}

	@AfterEach
	void noBudgetLeftBehind() {
		fullBudget();
	}

	@Test
	void waitsWithATicketsCommandsWhileAnotherInstanceSpentTheBudget() {
		String ticketId = newTicketId();
		stubTicket(ticketId);
		new Bucket4jRequestBudget(this.dataSource, this.properties, new SimpleMeterRegistry()).spend();

		this.harness.publish(note(ticketId));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.notBefore(ticketId)).isAfter(Instant.now().plusSeconds(30)));
		assertThat(this.harness.zendesk()
			.find(anyRequestedFor(urlPathMatching("/api/v2/tickets/" + ticketId + "\\.json")))).isEmpty();
	}

	@Test
	void countsARequestThatCouldNotWaitAgainstTheDrain() throws Exception {
		String calledTicket = newTicketId();
		String notedTicket = newTicketId();
		stubTicket(calledTicket);
		stubTicket(notedTicket);
		this.harness.twilio()
			.register(post(urlPathMatching("/2010-04-01/Accounts/.*/Calls.json")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(fixture("twilio/call-created.json", Map.of("callSid",
						"CA" + UUID.randomUUID().toString().replace("-", ""), "to", "+14155550100")))));

		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/users/20978392.json"))
				.willReturn(okJson(fixture("zendesk/user.json", Map.of("userId", "20978392", "name", "Casey Customer",
						"email", "casey@example.com", "phone", "+442079460018")))));

		// without a customer number, click-to-call reads the ticket and its requester
		// while
		// the agent waits, whatever the budget
		HttpResponse<String> call = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/calls"))
				.header("X-Switchboard-Internal-Token", "test-internal-token-0123456789")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"ticketId":"%s","agentPhone":"+14155550100"}
						""".formatted(calledTicket)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(call.statusCode()).isEqualTo(201);
		assertThat(this.harness.zendesk().find(getRequestedFor(urlEqualTo(ticketPath(calledTicket))))).hasSize(1);
		this.harness.publish(note(notedTicket));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.harness.notBefore(notedTicket)).isAfter(Instant.now().plusSeconds(30)));
		assertThat(this.harness.zendesk()
			.find(anyRequestedFor(urlPathMatching("/api/v2/tickets/" + notedTicket + "\\.json")))).isEmpty();
	}

	@Test
	void aBudgetChangedOnANewerInstanceHoldsForTheOlderOnesToo() {
		String first = newTicketId();
		String second = newTicketId();
		stubTicket(first);
		stubTicket(second);
		CommandProperties raised = new CommandProperties(this.properties.drainInterval(), 1000,
				this.properties.updatesPerTicket(), this.properties.ticketWindow(), this.properties.failureBackoff(),
				this.properties.maxFailures(), this.properties.authRecheck(), this.properties.settle());
		// an instance started after this one, configured with 1,000 requests a minute
		new Bucket4jRequestBudget(this.dataSource, raised, new SimpleMeterRegistry()).spend();

		this.harness.publish(note(first));
		this.harness.publish(note(second));

		// at one request a minute, the second ticket's read and update would wait a
		// minute
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.harness.zendesk().find(putRequestedFor(urlEqualTo(ticketPath(first))))).hasSize(1);
			assertThat(this.harness.zendesk().find(putRequestedFor(urlEqualTo(ticketPath(second))))).hasSize(1);
		});
	}

	private static AddInternalNote note(String ticketId) {
		return AddInternalNote.of(UUID.randomUUID(), "corr-budget", ticketId, Instant.now(), "Over budget");
	}

	private void stubTicket(String ticketId) {
		this.harness.zendesk()
			.register(get(urlEqualTo(ticketPath(ticketId))).willReturn(okJson(fixture("zendesk/ticket.json",
					Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:00:00Z")))));
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId))).willReturn(okJson(fixture("zendesk/ticket-updated.json",
					Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:05:00Z")))));
	}

	private static String ticketPath(String ticketId) {
		return "/api/v2/tickets/" + ticketId + ".json";
	}

}
