package dev.switchboard.crmbridge.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.AddPublicReply;
import dev.switchboard.contracts.AddTags;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.SetField;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.contracts.TicketFollowedUp;
import dev.switchboard.crmbridge.CrmBridgeIntegrationTest;
import dev.switchboard.crmbridge.Fixtures;
import dev.switchboard.crmbridge.Harness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.switchboard.crmbridge.Fixtures.fixture;
import static dev.switchboard.crmbridge.Fixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ticket commands published on the real broker as the other services publish them,
 * applied to the Zendesk fake.
 */
@CrmBridgeIntegrationTest
class TicketCommandIntegrationTests {

	@Autowired
	Harness harness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JsonMapper json;

	private static final String STAMP = "2026-11-23T10:00:00Z";

	@Autowired
	@Qualifier("helpdesk")
	HealthIndicator helpdeskHealth;

	@Autowired
	BindingsLifecycleController bindings;

	@Autowired
	PendingCommands pending;

	@Test
	void appliesACommandOnceHoweverOftenItIsDelivered() {
		String ticketId = newTicketId();
		stubTicket(ticketId, "open");
		stubUpdate(ticketId);
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-1", ticketId, Instant.now(),
				"Linked to https://github.com/acme/app/issues/42 (open)");

		this.harness.publish(note);
		this.harness.publish(note);
		this.harness.publish(note);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("applied"));
		List<LoggedRequest> puts = puts(ticketId);
		assertThat(puts).hasSize(1);
		JsonNode ticket = this.json.readTree(puts.get(0).getBodyAsString()).path("ticket");
		assertThat(ticket.path("comment").path("body").asString()).isEqualTo(note.body() + "\n\n" + marker(note));
		assertThat(ticket.path("comment").path("public").asBoolean()).isFalse();
		assertThat(ticket.path("safe_update").asBoolean()).isTrue();
		assertThat(ticket.path("updated_stamp").asString()).isEqualTo(STAMP);
		assertThat(puts.get(0).getHeader("Authorization")).startsWith("Basic ");
		this.harness.publish(note);
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(puts(ticketId)).hasSize(1));
	}

	@Test
	void keepsABurstOfAHundredCommandsForOneTicketWithinThePerTicketLimit() {
		String ticketId = newTicketId();
		stubTicket(ticketId, "open");
		stubUpdate(ticketId);
		Instant start = Instant.now();
		List<TicketCommand> burst = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			UUID id = UUID.randomUUID();
			Instant causedAt = start.plusMillis(i);
			burst.add(switch (i % 10) {
				case 3 -> AddPublicReply.of(id, "corr-burst", ticketId, causedAt, "Public update " + i);
				case 7 -> AddTags.of(id, "corr-burst", ticketId, causedAt, List.of("tag-" + i));
				default -> AddInternalNote.of(id, "corr-burst", ticketId, causedAt, "Internal note " + i);
			});
		}

		burst.forEach(this.harness::publish);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(burst).allSatisfy((command) -> assertThat(stateOf(command)).isEqualTo("applied")));
		List<JsonNode> updates = puts(ticketId).stream()
			.map((request) -> this.json.readTree(request.getBodyAsString()).path("ticket"))
			.toList();
		assertThat(updates).hasSizeLessThanOrEqualTo(30);
		String internal = comments(updates, false);
		String published = comments(updates, true);
		for (int i = 0; i < 100; i++) {
			String tag = "tag-" + i;
			switch (i % 10) {
				case 3 -> assertThat(published).contains("Public update " + i + "\n")
					.doesNotContain("Internal note " + i + "\n");
				case 7 -> assertThat(updates)
					.anySatisfy((update) -> assertThat(update.path("additional_tags").toString()).contains(tag));
				default -> assertThat(internal).contains("Internal note " + i + "\n");
			}
		}
		assertThat(updates).allSatisfy((update) -> assertThat(update.has("tags")).isFalse());
	}

	@Test
	void parksTheTicketWhenZendeskSaysRetryAfterAndWritesItAfterwards() {
		String ticketId = newTicketId();
		stubTicket(ticketId, "open");
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId))).inScenario("429-" + ticketId)
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("limited")
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId))).inScenario("429-" + ticketId)
				.whenScenarioStateIs("limited")
				.willReturn(okJson(updated(ticketId, "open"))));
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-429", ticketId, Instant.now(),
				"After the limit");

		this.harness.publish(note);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("applied"));
		List<LoggedRequest> puts = puts(ticketId);
		assertThat(puts).hasSize(2);
		long waited = puts.get(1).getLoggedDate().getTime() - puts.get(0).getLoggedDate().getTime();
		// the wait runs from the drain's clock reading, a few milliseconds before
		// WireMock logs the first request; an immediate retry would come within
		// milliseconds
		assertThat(waited).isGreaterThanOrEqualTo(1900);
	}

	@Test
	void parksALongRetryAfterDurablyInsteadOfWaitingInAThread() {
		String ticketId = newTicketId();
		stubTicket(ticketId, "open");
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId)))
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-429l", ticketId, Instant.now(), "Later");

		this.harness.publish(note);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.notBefore(ticketId)).isAfter(Instant.now().plusSeconds(500)));
		assertThat(stateOf(note)).isEqualTo("pending");
		assertThat(puts(ticketId)).hasSize(1);
	}

	@Test
	void createsAFollowUpForAClosedTicketAndSendsLaterCommandsThere() {
		String ticketId = newTicketId();
		String followUpId = newTicketId();
		stubTicket(ticketId, "closed");
		this.harness.zendesk()
			.register(post(urlEqualTo("/api/v2/tickets.json"))
				.withRequestBody(
						WireMock.matchingJsonPath("$.ticket.via_followup_source_id", WireMock.equalTo(ticketId)))
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody(updated(followUpId, "open"))));
		stubTicket(followUpId, "open");
		stubUpdate(followUpId);
		Reopen reopen = Reopen.of(UUID.randomUUID(), "corr-fu", ticketId, Instant.now());

		this.harness.publish(reopen);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stateOf(reopen)).isEqualTo("applied"));
		TicketFollowedUp followedUp = this.harness.awaitTicketEvent(TicketFollowedUp.class, ticketId);
		assertThat(followedUp.followUpTicketId()).isEqualTo(followUpId);
		AddInternalNote later = AddInternalNote.of(UUID.randomUUID(), "corr-fu", ticketId, Instant.now(),
				"Still broken");
		this.harness.publish(later);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(puts(followUpId)).hasSize(1));
		assertThat(puts(ticketId)).isEmpty();
		assertThat(this.harness.zendesk()
			.find(postRequestedFor(urlEqualTo("/api/v2/tickets.json"))
				.withRequestBody(
						WireMock.matchingJsonPath("$.ticket.via_followup_source_id", WireMock.equalTo(ticketId)))
				.withHeader("Idempotency-Key", WireMock.equalTo("switchboard-followup-" + ticketId))))
			.hasSize(1);
	}

	@Test
	void deadLettersTheCommandsOfATicketThatDoesNotExistWithTheReason() {
		String ticketId = newTicketId();
		this.harness.zendesk()
			.register(get(urlEqualTo(ticketPath(ticketId))).willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}")));
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-404", ticketId, Instant.now(), "Lost");

		this.harness.publish(note);

		Message deadLetter = awaitDeadLetter(note);
		assertThat(deadLetter.getMessageProperties().<String>getHeader("x-exception-message")).contains("not found");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("dead-lettered"));
	}

	@ParameterizedTest
	@MethodSource("dev.switchboard.crmbridge.Fixtures#hostileTicketIds")
	void deadLettersACommandWhoseTicketIdIsNotAHelpdeskIdWithoutAskingZendesk(String ticketId) {
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-hostile", ticketId, Instant.now(),
				"Linked to https://github.com/acme/app/issues/42 (open)");

		this.harness.publish(note);

		Message deadLetter = awaitDeadLetter(note);
		assertThat(deadLetter.getMessageProperties().<String>getHeader("x-exception-message"))
			.contains("is not a helpdesk ticket id");
		assertThat(stateOf(note)).isEqualTo("absent");
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.harness.zendeskUrls())
				.allMatch(Fixtures.WELL_FORMED_ZENDESK_PATH.asMatchPredicate())
				.doesNotContain("/api/v2/users/1.json", "/api/v2/tickets/2.json"));
	}

	/**
	 * A command stored before ticket ids were checked on the way in: the Zendesk adapter
	 * refuses the id before building a URL, and the command is dead-lettered.
	 */
	@Test
	void deadLettersAStoredCommandWhoseTicketIdIsNotAHelpdeskIdWithoutARequest() {
		String userId = newTicketId();
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-stored", "../users/" + userId, Instant.now(),
				"Stored by an earlier version");

		this.pending.addIfAbsent(note, Instant.now());

		Message deadLetter = awaitDeadLetter(note);
		assertThat(deadLetter.getMessageProperties().<String>getHeader("x-exception-message"))
			.contains("is not a helpdesk id");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("dead-lettered"));
		assertThat(this.harness.zendeskUrls()).allMatch(Fixtures.WELL_FORMED_ZENDESK_PATH.asMatchPredicate())
			.doesNotContain("/api/v2/users/" + userId + ".json");
	}

	@Test
	void deadLettersASetFieldTheHelpdeskCannotTakeAndStillAppliesTheTicketsOtherCommands() {
		String ticketId = newTicketId();
		stubTicket(ticketId, "open");
		stubUpdate(ticketId);
		SetField field = SetField.of(UUID.randomUUID(), "corr-field", ticketId, Instant.now(), "issue_state", "open");

		this.harness.publish(field);

		Message deadLetter = awaitDeadLetter(field);
		assertThat(deadLetter.getMessageProperties().<String>getHeader("x-exception-message")).contains("not numeric");
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-field", ticketId, Instant.now(), "Next");
		this.harness.publish(note);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("applied"));
		assertThat(stateOf(field)).isEqualTo("dead-lettered");
	}

	@Test
	void retriesAServerErrorWithBackOffAndThenApplies() {
		String ticketId = newTicketId();
		stubTicket(ticketId, "open");
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId))).inScenario("5xx-" + ticketId)
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("once")
				.willReturn(aResponse().withStatus(503)));
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId))).inScenario("5xx-" + ticketId)
				.whenScenarioStateIs("once")
				.willSetStateTo("twice")
				.willReturn(aResponse().withStatus(502)));
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId))).inScenario("5xx-" + ticketId)
				.whenScenarioStateIs("twice")
				.willReturn(okJson(updated(ticketId, "open"))));
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-5xx", ticketId, Instant.now(), "Retried");

		this.harness.publish(note);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("applied"));
		assertThat(puts(ticketId)).hasSize(3);
	}

	@Test
	void retriesATimeoutAndThenApplies() {
		String ticketId = newTicketId();
		this.harness.zendesk()
			.register(get(urlEqualTo(ticketPath(ticketId))).inScenario("slow-" + ticketId)
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("fast")
				.willReturn(okJson(ticket(ticketId, "open")).withFixedDelay(2500)));
		this.harness.zendesk()
			.register(get(urlEqualTo(ticketPath(ticketId))).inScenario("slow-" + ticketId)
				.whenScenarioStateIs("fast")
				.willReturn(okJson(ticket(ticketId, "open"))));
		stubUpdate(ticketId);
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-slow", ticketId, Instant.now(), "Slow");

		this.harness.publish(note);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("applied"));
		assertThat(this.harness.zendesk().find(getRequestedFor(urlEqualTo(ticketPath(ticketId)))))
			.hasSizeGreaterThanOrEqualTo(2);
		assertThat(puts(ticketId)).hasSize(1);
	}

	@Test
	void deadLettersACommandWhenZendeskKeepsAnsweringWithAMalformedBody() {
		String ticketId = newTicketId();
		this.harness.zendesk()
			.register(get(urlEqualTo(ticketPath(ticketId))).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/html")
				.withBody("<html>maintenance</html>")));
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-bad", ticketId, Instant.now(), "Unreadable");

		this.harness.publish(note);

		Message deadLetter = awaitDeadLetter(note);
		assertThat(deadLetter.getMessageProperties().<String>getHeader("x-exception-message")).contains("unreadable");
		assertThat(puts(ticketId)).isEmpty();
	}

	@Test
	void writesTheNoteOnceWhenZendeskAppliedItButTheAnswerCameAfterTheReadTimeout() {
		String ticketId = newTicketId();
		stubTicket(ticketId, "open");
		// Zendesk applies the update, then answers after the client's read timeout (1 s)
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId)))
				.willReturn(okJson(updated(ticketId, "open")).withFixedDelay(2500)));
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-lost", ticketId, Instant.now(),
				"Linked to https://github.com/acme/app/issues/42 (open)");
		stubComments(ticketId, note.body() + "\n\n" + marker(note));

		this.harness.publish(note);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("applied"));
		assertThat(puts(ticketId)).hasSize(1);
		assertThat(this.json.readTree(puts(ticketId).get(0).getBodyAsString())
			.path("ticket")
			.path("comment")
			.path("body")
			.asString()).endsWith(marker(note));
		assertThat(this.harness.zendesk().find(getRequestedFor(urlEqualTo(commentsPath(ticketId))))).isNotEmpty();
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(puts(ticketId)).hasSize(1));
	}

	@Test
	void sendsTheNoteAgainOnceWhenTheTimedOutUpdateIsNotOnTheTicket() {
		String ticketId = newTicketId();
		stubTicket(ticketId, "open");
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId))).inScenario("lost-" + ticketId)
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("answering")
				.willReturn(okJson(updated(ticketId, "open")).withFixedDelay(2500)));
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId))).inScenario("lost-" + ticketId)
				.whenScenarioStateIs("answering")
				.willReturn(okJson(updated(ticketId, "open"))));
		stubComments(ticketId, "An agent's note, written before");
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-retry", ticketId, Instant.now(),
				"Not applied the first time");

		this.harness.publish(note);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("applied"));
		assertThat(puts(ticketId)).hasSize(2)
			.allSatisfy((put) -> assertThat(put.getBodyAsString()).isEqualTo(puts(ticketId).get(0).getBodyAsString()));
		assertThat(this.harness.zendesk().find(getRequestedFor(urlEqualTo(commentsPath(ticketId))))).hasSize(1);
	}

	@Test
	void looksForAnUpdateWhoseOutcomeStayedUnknownOnTheTicketBeforeSendingItAgainAtTheNextDrain() {
		String ticketId = newTicketId();
		stubTicket(ticketId, "open");
		// Zendesk writes the note but answers 503, and cannot list comments for a while
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId)))
				.willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody("{}")));
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-unknown", ticketId, Instant.now(),
				"Applied, but the answer said otherwise");
		String scenario = "comments-" + ticketId;
		this.harness.zendesk()
			.register(get(urlEqualTo(commentsPath(ticketId))).inScenario(scenario)
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("second")
				.willReturn(aResponse().withStatus(503)));
		this.harness.zendesk()
			.register(get(urlEqualTo(commentsPath(ticketId))).inScenario(scenario)
				.whenScenarioStateIs("second")
				.willSetStateTo("readable")
				.willReturn(aResponse().withStatus(503)));
		this.harness.zendesk()
			.register(get(urlEqualTo(commentsPath(ticketId))).inScenario(scenario)
				.whenScenarioStateIs("readable")
				.willReturn(okJson(comments(note.body() + "\n\n" + marker(note)))));

		this.harness.publish(note);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("applied"));
		assertThat(puts(ticketId)).hasSize(1);
		assertThat(this.harness.zendesk().find(getRequestedFor(urlEqualTo(commentsPath(ticketId))))).hasSize(3);
	}

	@Test
	void announcesAFollowUpOnceTheRouteIsBackWhenItsFirstPublishWasUnroutable() {
		String ticketId = newTicketId();
		String followUpId = newTicketId();
		stubTicket(ticketId, "closed");
		this.harness.zendesk()
			.register(post(urlEqualTo("/api/v2/tickets.json"))
				.withRequestBody(
						WireMock.matchingJsonPath("$.ticket.via_followup_source_id", WireMock.equalTo(ticketId)))
				.willReturn(aResponse().withStatus(201)
					.withHeader("Content-Type", "application/json")
					.withBody(updated(followUpId, "open"))));
		Reopen reopen = Reopen.of(UUID.randomUUID(), "corr-unrouted", ticketId, Instant.now());
		this.harness.unbindTicketEventQueues();
		try {
			this.harness.publish(reopen);

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(stateOf(reopen)).isEqualTo("applied"));
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(3))
				.untilAsserted(() -> assertThat(followUpAnnounced(ticketId)).isFalse());
		}
		finally {
			this.harness.bindTicketEventQueues();
		}

		assertThat(this.harness.awaitTicketEvent(TicketFollowedUp.class, ticketId).followUpTicketId())
			.isEqualTo(followUpId);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(followUpAnnounced(ticketId)).isTrue());
		this.harness.assertNoMoreTicketEvents(ticketId, Duration.ofSeconds(2));
		assertThat(this.harness.zendesk()
			.find(postRequestedFor(urlEqualTo("/api/v2/tickets.json")).withRequestBody(
					WireMock.matchingJsonPath("$.ticket.via_followup_source_id", WireMock.equalTo(ticketId)))))
			.hasSize(1);
	}

	@Test
	void reReadsTheTicketAndRetriesWhenSafeUpdateConflicts() {
		String ticketId = newTicketId();
		stubTicket(ticketId, "open");
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId))).inScenario("409-" + ticketId)
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("resolved")
				.willReturn(aResponse().withStatus(409)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":\"UpdateConflict\",\"description\":\"Safe Update prevented the update\"}")));
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId))).inScenario("409-" + ticketId)
				.whenScenarioStateIs("resolved")
				.willReturn(okJson(updated(ticketId, "open"))));
		AddTags tags = AddTags.of(UUID.randomUUID(), "corr-409", ticketId, Instant.now(), List.of("github-linked"));

		this.harness.publish(tags);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stateOf(tags)).isEqualTo("applied"));
		assertThat(puts(ticketId)).hasSize(2);
		assertThat(this.harness.zendesk().find(getRequestedFor(urlEqualTo(ticketPath(ticketId))))).hasSize(2);
	}

	@Test
	void pausesConsumptionAndReportsDownWhileZendeskRefusesTheCredentials() {
		String ticketId = newTicketId();
		this.harness.zendesk()
			.register(get(urlEqualTo(ticketPath(ticketId))).inScenario("401-" + ticketId)
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("still refused")
				.willReturn(aResponse().withStatus(401)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":\"Couldn't authenticate you\"}")));
		this.harness.zendesk()
			.register(get(urlEqualTo(ticketPath(ticketId))).inScenario("401-" + ticketId)
				.whenScenarioStateIs("still refused")
				.willSetStateTo("fixed")
				.willReturn(aResponse().withStatus(401)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":\"Couldn't authenticate you\"}")));
		this.harness.zendesk()
			.register(get(urlEqualTo(ticketPath(ticketId))).inScenario("401-" + ticketId)
				.whenScenarioStateIs("fixed")
				.willReturn(okJson(ticket(ticketId, "open"))));
		stubUpdate(ticketId);
		AddInternalNote note = AddInternalNote.of(UUID.randomUUID(), "corr-401", ticketId, Instant.now(), "Waits");

		this.harness.publish(note);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.helpdeskHealth.health()).isNotNull()
				.extracting(Health::getStatus)
				.isEqualTo(Status.DOWN));
		assertThat(stateOf(note)).isEqualTo("pending");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.bindings.queryState("ticketCommands-in-0"))
				.allSatisfy((binding) -> assertThat(binding.isRunning()).isFalse()));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stateOf(note)).isEqualTo("applied"));
		assertThat(this.helpdeskHealth.health()).isNotNull().extracting(Health::getStatus).isEqualTo(Status.UP);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.bindings.queryState("ticketCommands-in-0"))
				.allSatisfy((binding) -> assertThat(binding.isRunning()).isTrue()));
	}

	private String comments(List<JsonNode> updates, boolean publicComments) {
		StringBuilder all = new StringBuilder();
		for (JsonNode update : updates) {
			JsonNode comment = update.path("comment");
			if (!comment.isMissingNode() && comment.path("public").asBoolean() == publicComments) {
				all.append(comment.path("body").asString()).append('\n');
			}
		}
		return all.toString();
	}

	private Message awaitDeadLetter(TicketCommand command) {
		String queue = Destinations.deadLetterQueue(Destinations.TICKETS_COMMANDS, ServiceNames.CRM_BRIDGE);
		long deadline = System.currentTimeMillis() + 15_000;
		while (System.currentTimeMillis() < deadline) {
			Message message = this.rabbit.receive(queue, 500);
			if (message != null
					&& command.commandId().toString().equals(message.getMessageProperties().getMessageId())) {
				assertThat(this.json.readValue(message.getBody(), TicketCommand.class)).isEqualTo(command);
				return message;
			}
		}
		throw new AssertionError("command " + command.commandId() + " not dead-lettered");
	}

	private String stateOf(TicketCommand command) {
		return this.jdbc.sql("select state from ticket_command where command_id = ?")
			.param(command.commandId())
			.query(String.class)
			.optional()
			.orElse("absent");
	}

	private boolean followUpAnnounced(String ticketId) {
		return this.jdbc.sql("select follow_up_announced from ticket_state where ticket_id = ?")
			.param(ticketId)
			.query(Boolean.class)
			.single();
	}

	/** The marker the command leaves with its comment (ZendeskHelpdesk#marker). */
	private static String marker(TicketCommand command) {
		return "[sb:" + command.commandId().toString().substring(0, 8) + "]";
	}

	private void stubComments(String ticketId, String newestBody) {
		this.harness.zendesk()
			.register(get(urlEqualTo(commentsPath(ticketId))).willReturn(okJson(comments(newestBody))));
	}

	private String comments(String newestBody) {
		return fixture("zendesk/comments.json", Map.of("body", this.json.writeValueAsString(newestBody)));
	}

	private static String commentsPath(String ticketId) {
		return "/api/v2/tickets/" + ticketId + "/comments.json?sort_order=desc";
	}

	private List<LoggedRequest> puts(String ticketId) {
		return this.harness.zendesk().find(putRequestedFor(urlEqualTo(ticketPath(ticketId))));
	}

	private void stubTicket(String ticketId, String status) {
		this.harness.zendesk()
			.register(get(urlEqualTo(ticketPath(ticketId))).willReturn(okJson(ticket(ticketId, status))));
	}

	private void stubUpdate(String ticketId) {
		this.harness.zendesk()
			.register(put(urlEqualTo(ticketPath(ticketId))).willReturn(okJson(updated(ticketId, "open"))));
	}

	private static String ticketPath(String ticketId) {
		return "/api/v2/tickets/" + ticketId + ".json";
	}

	private static String ticket(String ticketId, String status) {
		return fixture("zendesk/ticket.json", Map.of("ticketId", ticketId, "status", status, "updatedAt", STAMP));
	}

	private static String updated(String ticketId, String status) {
		return fixture("zendesk/ticket-updated.json",
				Map.of("ticketId", ticketId, "status", status, "updatedAt", "2026-11-23T10:05:00Z"));
	}

}
