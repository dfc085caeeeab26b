package dev.switchboard.statuspage.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.AddTags;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.TicketChanged;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fakes;
import dev.switchboard.statuspage.StatuspageBus;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Incident-aware tickets through the real entry points: a Statuspage incident webhook as
 * the gateway publishes it, {@code TicketChanged} events as crm-bridge-service publishes
 * them on {@code tickets.events}, and the ticket commands captured on
 * {@code tickets.commands} (a queue of the test's own, bound {@code #}).
 */
@StatuspageIntegrationTest
class IncidentTicketNotesIntegrationTests {

	@Autowired
	StatuspageBus bus;

	@InjectWireMock("slack")
	WireMockServer slack;

	@InjectWireMock("web")
	WireMockServer web;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	AdminApi api;

	String commands;

	final List<Received> received = new ArrayList<>();

	@BeforeEach
	void listenToTicketCommands() {
		this.api = new AdminApi(this.port, this.managementPort);
		TopicExchange exchange = new TopicExchange(Destinations.TICKETS_COMMANDS, true, false);
		this.admin.declareExchange(exchange);
		Queue queue = new Queue("test.tickets.commands." + UUID.randomUUID(), false, false, false);
		this.admin.declareQueue(queue);
		this.admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("#"));
		this.commands = queue.getName();
	}

	@AfterEach
	void removeTheTestQueue() {
		this.admin.deleteQueue(this.commands);
	}

	@Test
	void notesATicketNamingAnAffectedComponentOnceAndTellsItOnceWhenTheIncidentIsResolved() throws Exception {
		String page = "pg" + suffix();
		String code = "inc" + suffix();
		subscribe(page, "CTKT" + suffix().substring(0, 6).toUpperCase(), """
				{"API": ["REST endpoint", "api.example.com"]}""");
		InboundDelivery investigating = this.bus.incident(page, code, null, "investigating",
				"2026-11-23T10:26:03.129Z");
		this.bus.publish(investigating);
		awaitIncident(code, "investigating");

		String byAlias = ticket();
		String byName = ticket();
		String unrelated = ticket();
		TicketChanged aliased = StatuspageBus.ticketCreated(byAlias, "Our calls to the rest   ENDPOINT fail",
				"since 10:20, HTTP 502");
		this.bus.publish(aliased);
		this.bus.publish(aliased);
		this.bus.publish(StatuspageBus.ticketCreated(byName, "Question", "The api is down for us."));
		this.bus.publish(StatuspageBus.ticketCreated(unrelated, "Invoice for November",
				"Where is our invoice? Rapid answer appreciated."));

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(commandsFor(byAlias, code)).hasSize(1));
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(commandsFor(byName, code)).hasSize(1));
		assertThat(commandsFor(byAlias, code).get(0).command()).isInstanceOfSatisfying(AddInternalNote.class,
				(note) -> assertThat(note.body()).contains("Elevated API error rates")
					.contains("Investigating")
					.contains("http://stspg.io/r2v9hb4")
					.contains("mentions API"));
		assertThat(commandsFor(byAlias, code).get(0).messageId())
			.isEqualTo(commandsFor(byAlias, code).get(0).command().commandId().toString());
		assertThat(commandsFor(byAlias, code).get(0).command().causedAt()).isEqualTo(aliased.occurredAt());

		this.bus.publish(this.bus.incident(page, code, null, "resolved", "2026-11-23T10:29:00.000Z"));
		this.bus.publish(this.bus.incident(page, code, null, "resolved", "2026-11-23T10:29:00.000Z"));

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(commandsFor(byAlias, code)).hasSize(3));
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(commandsFor(byName, code)).hasSize(3));
		assertThat(commandsFor(byAlias, code).subList(1, 3)).extracting(Received::command)
			.satisfiesExactlyInAnyOrder((command) -> assertThat(command).isInstanceOfSatisfying(AddInternalNote.class,
					(note) -> assertThat(note.body()).startsWith("Status incident resolved: Elevated API error rates")
						.contains("Resolved")),
					(command) -> assertThat(command).isInstanceOfSatisfying(AddTags.class,
							(tags) -> assertThat(tags.tags()).containsExactly("incident-" + code)));

		// a redelivered ticket event after the resolution, and a ticket naming the
		// component once the incident is over: nothing more
		this.bus.publish(aliased);
		this.bus.publish(StatuspageBus.ticketCreated(ticket(), "API", "api"));
		collect(Duration.ofSeconds(2));
		assertThat(commandsFor(byAlias, code)).hasSize(3);
		assertThat(commandsFor(byName, code)).hasSize(3);
		assertThat(commandsFor(unrelated)).isEmpty();
		// the alias belongs to this page only: no other page's incident noted the ticket
		assertThat(commandsFor(byAlias)).hasSize(3);
	}

	/**
	 * {@code GET /api/incidents?ticketId=} (the helpdesk app's sidebar): the open
	 * incident a ticket concerns, none for a ticket that names no affected component, and
	 * none once the incident is resolved.
	 */
	@Test
	void answersTheOpenIncidentATicketConcernsUntilItIsResolved() throws Exception {
		String page = "pg" + suffix();
		String code = "inc" + suffix();
		subscribe(page, "CSIDE" + suffix().substring(0, 6).toUpperCase(), "{}");
		this.bus.publish(this.bus.incident(page, code, null, "identified", "2026-11-23T10:27:45.000Z"));
		awaitIncident(code, "identified");
		String concerned = ticket();
		String unrelated = ticket();
		this.bus.publish(StatuspageBus.ticketCreated(concerned, "The API is down", "HTTP 502 since 10:20"));
		this.bus.publish(StatuspageBus.ticketCreated(unrelated, "Invoice", "Where is it?"));
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(commandsFor(concerned, code)).hasSize(1));

		// other tests of this database leave incidents open on their pages that an API
		// ticket may also concern:
		// look at this page's incident only
		var open = incidentsOf(concerned, code);
		assertThat(open).hasSize(1);
		assertThat(open.get(0).path("title").asString()).isEqualTo("Elevated API error rates");
		assertThat(open.get(0).path("status").asString()).isEqualTo("identified");
		assertThat(open.get(0).path("link").asString()).isEqualTo("http://stspg.io/r2v9hb4");
		assertThat(open.get(0).path("components").toString()).contains("API");
		assertThat(this.api.json(this.api.get("/api/incidents?ticketId=" + unrelated))).isEmpty();
		var refused = this.api.get("/api/incidents?ticketId=abc");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("ticketId");

		this.bus.publish(this.bus.incident(page, code, null, "resolved", "2026-11-23T10:29:00.000Z"));
		awaitIncident(code, "resolved");

		assertThat(incidentsOf(concerned, code)).isEmpty();
	}

	private List<tools.jackson.databind.JsonNode> incidentsOf(String ticketId, String code) throws Exception {
		List<tools.jackson.databind.JsonNode> incidents = new java.util.ArrayList<>();
		this.api.json(this.api.get("/api/incidents?ticketId=" + ticketId)).forEach((incident) -> {
			if (incident.path("code").asString().equals(code)) {
				incidents.add(incident);
			}
		});
		return incidents;
	}

	@Test
	void sendsNothingForATicketThatNamesNoAffectedComponentOrOnlyAWordContainingOne() throws Exception {
		String page = "pg" + suffix();
		String code = "inc" + suffix();
		subscribe(page, "CTKT" + suffix().substring(0, 6).toUpperCase(), "{}");
		this.bus.publish(this.bus.incident(page, code, null, "identified", "2026-11-23T10:27:30.000Z"));
		awaitIncident(code, "identified");
		String unrelated = ticket();
		String marker = ticket();

		this.bus.publish(StatuspageBus.ticketCreated(unrelated, "Rapid dashboards please",
				"Our portal is fine; apis are great."));
		this.bus.publish(StatuspageBus.ticketCreated(marker, "Dashboard", "empty"));

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(commandsFor(marker, code)).hasSize(1));
		assertThat(((AddInternalNote) commandsFor(marker, code).get(0).command()).body()).contains("Identified")
			.contains("mentions Dashboard");
		collect(Duration.ofSeconds(1));
		assertThat(commandsFor(unrelated)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from ticket_incident_note where ticket_id = ?")
			.param(unrelated)
			.query(Long.class)
			.single()).isZero();

		// resolved, so that no other test's ticket naming the API meets it open
		this.bus.publish(this.bus.incident(page, code, null, "resolved", "2026-11-23T10:28:00.000Z"));
		awaitIncident(code, "resolved");
	}

	@Test
	void refusesComponentAliasesAHostileCallerSendsWithAProblemAndStoresNothing() {
		String tooMany = "{"
				+ String.join(",",
						java.util.stream.IntStream.range(0, 51).mapToObj((i) -> "\"C" + i + "\": [\"a\"]").toList())
				+ "}";
		String tooManyAliases = "{\"API\": [" + String.join(",", java.util.Collections.nCopies(21, "\"x\"")) + "]}";
		for (String aliases : List.of(tooMany, tooManyAliases, "{\"API\": [\"two\\nlines\"]}", "{\"API\": null}",
				"{\"API\": [\"" + "x".repeat(201) + "\"]}")) {
			String name = "Hostile " + UUID.randomUUID();
			var answer = this.api.post("/api/subscriptions", """
					{"name": "%s", "source": {"type": "feed", "feedUrl": "https://status.example.com/history.atom"},
					 "channel": {"type": "slack", "channelId": "C0HOSTILE"}, "componentAliases": %s}
					""".formatted(name, aliases));

			assertThat(answer.statusCode()).as(aliases).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(this.jdbc.sql("select count(*) from subscription where name = ?")
				.param(name)
				.query(Long.class)
				.single()).isZero();
		}
	}

	private void subscribe(String page, String channel, String aliases) {
		String feed = "/" + page + "/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		Fakes.slackAnswersOk(this.slack, channel, "1763893950.000100");
		this.api.subscribe("""
				{"name": "Customer %s", "source": {"type": "statuspage", "pageId": "%s", "feedUrl": "%s"},
				 "channel": {"type": "slack", "channelId": "%s"}, "components": [], "componentAliases": %s}
				""".formatted(channel, page, this.web.baseUrl() + feed, channel, aliases));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("select count(*) from feed where url like ? and first_polled_at is not null")
				.param("%" + feed)
				.query(Long.class)
				.single() == 1);
	}

	private void awaitIncident(String code, String status) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from incident where code = ? and latest_status = ?")
				.params(code, status)
				.query(Long.class)
				.single() == 1);
	}

	private List<Received> commandsFor(String ticketId) {
		collect(Duration.ZERO);
		return this.received.stream().filter((received) -> received.command().ticketId().equals(ticketId)).toList();
	}

	/**
	 * What the ticket got about this incident (command ids derive from the incident and
	 * the ticket; other tests' incidents affect the same components).
	 */
	private List<Received> commandsFor(String ticketId, String code) {
		List<UUID> ids = List.of(IncidentTicketNotes.commandId("incident-note", code, ticketId),
				IncidentTicketNotes.commandId("incident-resolved", code, ticketId),
				IncidentTicketNotes.commandId("incident-tag", code, ticketId));
		return commandsFor(ticketId).stream()
			.filter((received) -> ids.contains(received.command().commandId()))
			.toList();
	}

	/** Takes what arrived on the test's queue, waiting up to {@code during} for more. */
	private void collect(Duration during) {
		long deadline = System.currentTimeMillis() + during.toMillis();
		do {
			Message message = this.rabbit.receive(this.commands, 200);
			if (message != null) {
				this.received.add(new Received(this.json.readValue(message.getBody(), TicketCommand.class),
						message.getMessageProperties().getMessageId()));
			}
		}
		while (System.currentTimeMillis() < deadline);
	}

	private static String ticket() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L));
	}

	private static String suffix() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
	}

	record Received(TicketCommand command, @Nullable String messageId) {
	}

}
