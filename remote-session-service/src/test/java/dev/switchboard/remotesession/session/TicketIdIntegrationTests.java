package dev.switchboard.remotesession.session;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newSessionCode;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ticket id is a Zendesk ticket id (1 to 19 ASCII digits) wherever it enters: the start
 * request, the list query and {@code /remote} notes on the bus. Anything else could
 * change the path of crm-bridge-service's request to Zendesk.
 */
@RemoteSessionIntegrationTest
class TicketIdIntegrationTests {

	@Autowired
	RemoteSessionHarness harness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	RabbitTemplate rabbit;

	/** Spellings that would leave or re-aim {@code /api/v2/tickets/{id}.json}. */
	private static final List<String> HOSTILE = List.of("../../users/1", "123/../456", "12%2F34", "12/34", "..",
			"123.json", "12 34", "1;2", "-1", "+12", "0x1f", "１２３", "١٢٣", "12345678901234567890", "123\n456", "abc",
			"");

	@Autowired
	private MeterRegistry meters;

	@Test
	void refusesAStartForATicketIdThatIsNotAZendeskTicketIdNamingTheFieldAndCallsNoVendor() {
		for (String ticketId : HOSTILE) {
			String body = """
					{"ticketId":%s,"provider":"teamviewer","agentEmail":"ada@example.com"}
					""".formatted(this.json.writeValueAsString(ticketId));

			HttpResponse<String> response = this.harness.api("POST", "/api/sessions", body);

			assertThat(response.statusCode()).as(ticketId).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			JsonNode problem = this.harness.read(response);
			assertThat(problem.get("field").asString()).isEqualTo("ticketId");
			assertThat(problem.get("detail").asString()).startsWith("ticketId ").contains("1 to 19 digits");
			this.harness.teamviewer()
				.verifyThat(0, postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
					.withRequestBody(containing("Ticket " + ticketId + " ")));
			assertThat(sessionsOf(ticketId)).isZero();
		}
	}

	@Test
	void refusesToListTheSessionsOfATicketIdThatIsNotAZendeskTicketId() {
		for (String ticketId : HOSTILE) {
			HttpResponse<String> response = this.harness.api("GET",
					"/api/sessions?ticketId=" + URLEncoder.encode(ticketId, StandardCharsets.UTF_8), null);

			assertThat(response.statusCode()).as(ticketId).isEqualTo(400);
			assertThat(this.harness.read(response).get("field").asString()).isEqualTo("ticketId");
		}
		assertThat(this.harness.api("GET", "/api/sessions?ticketId=" + newTicketId(), null).statusCode())
			.isEqualTo(200);
	}

	@Test
	void deadLettersARemoteNoteWhoseTicketIdIsNotAZendeskTicketIdWithoutStartingASessionOrWritingToTheTicket() {
		String ticketId = "35436/../../users/9001";
		String valid = newTicketId();
		this.harness.stubTeamviewerCreates(ticketId, newSessionCode());
		this.harness.stubTeamviewerCreates(valid, newSessionCode());
		double refusedBefore = refused();
		String messageId = publishNote(ticketId);

		// the marker: a valid note published after it is handled, so the hostile one was
		// too
		publishNote(valid);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(valid)).hasSize(2));

		assertThat(deadLettered(messageId)).isNotNull();
		assertThat(refused()).isEqualTo(refusedBefore + 1);
		assertThat(sessionsOf(ticketId)).isZero();
		assertThat(this.harness.commandsFor(ticketId)).isEmpty();
		this.harness.teamviewer()
			.verifyThat(0, postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
				.withRequestBody(containing("Ticket " + ticketId + " ")));
	}

	private long sessionsOf(String ticketId) {
		return this.jdbc.sql("select count(*) from remote_session where ticket_id = ?")
			.param(ticketId)
			.query(Long.class)
			.single();
	}

	private double refused() {
		Counter counter = this.meters.find("switchboard.ticket-events.received").tag("outcome", "refused").counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * Publishes a {@code /remote} note as crm-bridge-service does, with the ticket id set
	 * in the JSON (so the contract's own checks do not decide what reaches the service).
	 */
	private String publishNote(String ticketId) {
		UUID eventId = UUID.randomUUID();
		NoteAdded note = new NoteAdded(1, eventId, "corr-" + eventId, "1", Instant.now(), "c-" + eventId, "/remote",
				false, new Author("9001", "Ada Agent", "ada@example.com", null), false);
		ObjectNode json = (ObjectNode) this.json
			.readTree(this.json.writerFor(TicketEvent.class).writeValueAsBytes(note));
		json.put("ticketId", ticketId);
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(eventId.toString());
		properties.setCorrelationId(note.correlationId());
		this.rabbit.send(Destinations.TICKETS_EVENTS, "note-added",
				new Message(this.json.writeValueAsBytes(json), properties));
		return eventId.toString();
	}

	private @Nullable Message deadLettered(String messageId) {
		String queue = Destinations.deadLetterQueue(Destinations.TICKETS_EVENTS, ServiceNames.REMOTE_SESSION);
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			Message message = this.rabbit.receive(queue, 1_000);
			if (message != null && messageId.equals(message.getMessageProperties().getMessageId())) {
				return message;
			}
		}
		return null;
	}

}
