package dev.switchboard.crmbridge.call;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.switchboard.crmbridge.CrmBridgeIntegrationTest;
import dev.switchboard.crmbridge.Harness;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.switchboard.crmbridge.Fixtures.fixture;
import static dev.switchboard.crmbridge.Fixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/calls?requesterOf=<ticket id>} (the helpdesk app's sidebar): the calls
 * on the ticket and the calls from or to its requester's number on their other tickets,
 * newest first, nobody else's; the ticket's own calls when the helpdesk cannot name the
 * requester; 400 naming the parameter for an id that is no ticket id.
 */
@CrmBridgeIntegrationTest
class RequesterCallsIntegrationTests {

	private static final String CALLS = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls.json";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Harness harness;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@Test
	void answersTheTicketsCallsAndTheRequestersCallsOnTheirOtherTicketsNewestFirst() throws Exception {
		String requesterNumber = "+1212555" + (1000 + ThreadLocalRandom.current().nextInt(9000));
		String requesterId = newTicketId();
		String ticket = newTicketId();
		String otherTicketOfTheRequester = newTicketId();
		String someoneElsesTicket = newTicketId();
		stubTicket(ticket, requesterId);
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/users/" + requesterId + ".json"))
				.willReturn(okJson(fixture("zendesk/user.json",
						Map.of("userId", requesterId, "name", "Ada Customer", "email", "ada@example.com", "phone",
								requesterNumber.substring(2, 5) + " " + requesterNumber.substring(5)))
					.replace("\"role\": \"agent\"", "\"role\": \"end-user\""))));

		String onTheTicket = clickToCall(ticket, "+1 646 555 0101");
		String toTheRequesterElsewhere = clickToCall(otherTicketOfTheRequester, requesterNumber);
		String toSomeoneElse = clickToCall(someoneElsesTicket, "+1 646 555 0102");

		HttpResponse<String> response = read("/api/calls?requesterOf=" + ticket);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> sids = sids(response.body());
		assertThat(sids).containsSubsequence(toTheRequesterElsewhere, onTheTicket).doesNotContain(toSomeoneElse);
	}

	@Test
	void answersTheTicketsOwnCallsWhenTheHelpdeskCannotNameTheRequester() throws Exception {
		String ticket = newTicketId();
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/tickets/" + ticket + ".json")).willReturn(aResponse().withStatus(404)));
		String onTheTicket = clickToCall(ticket, "+1 646 555 0103");

		HttpResponse<String> response = read("/api/calls?requesterOf=" + ticket);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(sids(response.body())).containsExactly(onTheTicket);
	}

	@Test
	void refusesAnIdThatIsNoTicketIdNamingTheParameter() throws Exception {
		for (String id : List.of("abc", "0123", "12345678901234567890")) {
			HttpResponse<String> response = read("/api/calls?requesterOf=" + id);
			assertThat(response.statusCode()).as(id).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(this.json.readTree(response.body()).path("field").asString()).isEqualTo("requesterOf");
		}
	}

	private String clickToCall(String ticketId, String customer) throws Exception {
		String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
		String dialled = java.net.URLEncoder.encode(customer.replace(" ", ""), java.nio.charset.StandardCharsets.UTF_8);
		this.harness.twilio()
			.register(post(urlEqualTo(CALLS)).withRequestBody(containing(dialled))
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody(fixture("twilio/call-created.json", Map.of("callSid", callSid, "to", "+14155550100")))));
		HttpResponse<String> started = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/calls"))
				.header("X-Switchboard-Internal-Token", "test-internal-token-0123456789")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"ticketId":"%s","agentPhone":"+14155550100","customerPhone":"%s"}
						""".formatted(ticketId, customer)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		// started one after another: their start times differ
		Thread.sleep(20);
		return callSid;
	}

	private void stubTicket(String ticketId, String requesterId) {
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket.json",
						Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:00:00Z"))
					.replace("\"requester_id\": 20978392", "\"requester_id\": " + requesterId))));
	}

	private List<String> sids(String body) {
		List<String> sids = new ArrayList<>();
		for (JsonNode call : this.json.readTree(body)) {
			sids.add(call.path("callSid").asString());
		}
		return sids;
	}

	private HttpResponse<String> read(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-Switchboard-Internal-Token", "test-internal-token-0123456789")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
