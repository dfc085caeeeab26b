package dev.switchboard.remotesession.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.remotesession.RemoteSessionFixtures.fixture;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newSessionCode;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.AddPublicReply;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TicketChanged;
import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /remote} internal notes from {@code tickets.events}, published on the real
 * broker as crm-bridge-service publishes them.
 */
@ExtendWith(OutputCaptureExtension.class)
@RemoteSessionIntegrationTest
class RemoteNoteIntegrationTests {

	@Autowired
	RemoteSessionHarness harness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	RabbitTemplate rabbit;

	private static final Author AGENT = new Author("9001", "Ada Agent", "ada@example.com", "+14155550100");

	@Autowired
	MeterRegistry meters;

	@Test
	void startsOneSessionForARemoteNoteOnBehalfOfItsAuthorHoweverOftenTheNoteIsDelivered() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		this.harness.stubTeamviewerCreates(ticketId, code);
		NoteAdded note = note(ticketId, "/remote please let me look at it", false, false);

		publish(note);
		publish(note);
		publish(note);

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(ticketId)).hasSize(2));
		assertThat(this.harness.commandsFor(ticketId)).hasExactlyElementsOfTypes(AddInternalNote.class,
				AddPublicReply.class);
		assertThat(((AddInternalNote) this.harness.commandsFor(ticketId).get(0)).body()).contains(code + "/supporter")
			.contains("ada@example.com");
		assertThat(((AddPublicReply) this.harness.commandsFor(ticketId).get(1)).body()).contains(code + "/customer")
			.contains("Hello there");
		this.harness.teamviewer()
			.verifyThat(1, postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
				.withRequestBody(containing("Ticket " + ticketId + " ")));
		assertThat(
				this.jdbc.sql("select agent_email, started_via, correlation_id from remote_session where ticket_id = ?")
					.param(ticketId)
					.query((row, n) -> row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3))
					.list())
			.containsExactly("ada@example.com|note|" + note.correlationId());
	}

	@Test
	void aSecondRemoteNoteOfTheSameAgentReturnsTheLiveSession() {
		String ticketId = newTicketId();
		this.harness.stubTeamviewerCreates(ticketId, newSessionCode());

		publish(note(ticketId, "/remote", false, false));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(ticketId)).hasSize(2));
		publish(note(ticketId, "/remote again", false, false));
		String marker = newTicketId();
		this.harness.stubTeamviewerCreates(marker, newSessionCode());
		publish(note(marker, "/remote", false, false));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(marker)).hasSize(2));

		assertThat(this.harness.commandsFor(ticketId)).hasSize(2);
		this.harness.teamviewer()
			.verifyThat(1, postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
				.withRequestBody(containing("Ticket " + ticketId + " ")));
	}

	@Test
	void ignoresPublicRepliesSwitchboardsOwnEchoesAndNotesThatAreNotTheCommand() {
		String ticketId = newTicketId();
		this.harness.stubTeamviewerCreates(ticketId, newSessionCode());

		publish(note(ticketId, "/remote", true, false));
		publish(note(ticketId, "/remote", false, true));
		publish(note(ticketId, "/remotely fixed it", false, false));
		publish(note(ticketId, "please /remote", false, false));
		String marker = newTicketId();
		this.harness.stubTeamviewerCreates(marker, newSessionCode());
		publish(note(marker, "  /remote  ", false, false));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(marker)).hasSize(2));

		assertThat(this.harness.commandsFor(ticketId)).isEmpty();
		this.harness.teamviewer()
			.verifyThat(0, postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
				.withRequestBody(containing("Ticket " + ticketId + " ")));
	}

	@Test
	void parksTheStartWhileTeamviewerIsDownAndStartsItWhenTheParkedAttemptIsDue() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		String scenario = "outage-" + ticketId;
		MappingBuilder creation = post(urlPathEqualTo("/api/v1/sessions"))
			.withRequestBody(containing("Ticket " + ticketId + " "));
		this.harness.teamviewer()
			.register(creation.inScenario(scenario)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120"))
				.willSetStateTo("recovered"));
		this.harness.teamviewer()
			.register(post(urlPathEqualTo("/api/v1/sessions")).withRequestBody(containing("Ticket " + ticketId + " "))
				.inScenario(scenario)
				.whenScenarioStateIs("recovered")
				.willReturn(okJson(fixture("teamviewer/session-created.json",
						Map.of("code", code, "description", "Ticket " + ticketId)))));

		publish(note(ticketId, "/remote", false, false));

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.jdbc.sql(
					"select count(*) from remote_session where ticket_id = ? and state = 'CREATED' and next_attempt_at > ?")
				.params(ticketId, Timestamp.from(Instant.now().plusSeconds(60)))
				.query(Long.class)
				.single()).isEqualTo(1));
		this.harness.teamviewer()
			.verifyThat(1, postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
				.withRequestBody(containing("Ticket " + ticketId + " ")));
		assertThat(this.harness.commandsFor(ticketId)).isEmpty();

		this.jdbc.sql("update remote_session set next_attempt_at = ? where ticket_id = ?")
			.params(Timestamp.from(Instant.now()), ticketId)
			.update();

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(ticketId)).hasSize(2));
		assertThat(((AddInternalNote) this.harness.commandsFor(ticketId).get(0)).body()).contains(code);
		assertThat(this.rabbit
			.receive(Destinations.deadLetterQueue(Destinations.TICKETS_EVENTS, ServiceNames.REMOTE_SESSION))).isNull();
	}

	@Test
	void takesAndIgnoresATicketChangedEventWhoseSubjectIsARemoteCommand() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		this.harness.stubTeamviewerCreates(ticketId, code);
		double failedBefore = this.meters.counter("switchboard.ticket-events.received", "outcome", "failed").count();
		double ignoredBefore = this.meters.counter("switchboard.ticket-events.received", "outcome", "ignored").count();
		UUID eventId = UUID.randomUUID();
		TicketChanged changed = new TicketChanged(1, eventId, "corr-" + eventId, ticketId, Instant.now(),
				TicketChanged.CREATED, "/remote", "/remote please", "new", Instant.now(), false);

		this.harness.publish(changed);
		publish(note(ticketId, "/remote", false, false));

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(ticketId)).hasSize(2));
		assertThat(this.meters.counter("switchboard.ticket-events.received", "outcome", "ignored").count())
			.isGreaterThan(ignoredBefore);
		assertThat(this.meters.counter("switchboard.ticket-events.received", "outcome", "failed").count())
			.isEqualTo(failedBefore);
		this.harness.teamviewer()
			.verifyThat(1, postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
				.withRequestBody(containing("Ticket " + ticketId + " ")));
		assertThat(this.rabbit
			.receive(Destinations.deadLetterQueue(Destinations.TICKETS_EVENTS, ServiceNames.REMOTE_SESSION))).isNull();
	}

	@Test
	void sendsATicketEventItCannotReadToTheDeadLetterQueueWithoutLoggingItsBody(CapturedOutput output) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId("poison-" + UUID.randomUUID());
		Message poison = new Message("{\"type\":\"note-added\",\"body\":\"/remote secret-customer-text\""
			.getBytes(java.nio.charset.StandardCharsets.UTF_8), properties);

		this.rabbit.send(Destinations.TICKETS_EVENTS, "note-added", poison);

		Message deadLetter = Objects.requireNonNull(
				this.rabbit.receive(
						Destinations.deadLetterQueue(Destinations.TICKETS_EVENTS, ServiceNames.REMOTE_SESSION), 15_000),
				"the poison message reaches the dead-letter queue within 15 s");
		assertThat(deadLetter.getMessageProperties().getMessageId()).isEqualTo(properties.getMessageId());
		assertThat(deadLetter.getMessageProperties().getHeaders()).containsKey("x-exception-message");
		assertThat(output).contains(properties.getMessageId()).doesNotContain("secret-customer-text");
	}

	private static NoteAdded note(String ticketId, String body, boolean publicNote, boolean writtenBySwitchboard) {
		UUID eventId = UUID.randomUUID();
		return new NoteAdded(1, eventId, "corr-" + eventId, ticketId, Instant.now(), "c-" + eventId, body, publicNote,
				AGENT, writtenBySwitchboard);
	}

	private void publish(NoteAdded note) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(note.eventId().toString());
		properties.setCorrelationId(note.correlationId());
		this.rabbit.send(Destinations.TICKETS_EVENTS, "note-added",
				new Message(this.json.writerFor(TicketEvent.class).writeValueAsBytes(note), properties));
	}

}
