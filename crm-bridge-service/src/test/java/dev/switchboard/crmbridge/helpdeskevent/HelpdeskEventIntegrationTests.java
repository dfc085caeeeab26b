package dev.switchboard.crmbridge.helpdeskevent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.StatusChanged;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.crmbridge.CrmBridgeIntegrationTest;
import dev.switchboard.crmbridge.Fixtures;
import dev.switchboard.crmbridge.Harness;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.switchboard.crmbridge.Fixtures.fixture;
import static dev.switchboard.crmbridge.Fixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Zendesk event webhooks published on the real broker as the gateway publishes them,
 * turned into {@code tickets.events}.
 */
@CrmBridgeIntegrationTest
class HelpdeskEventIntegrationTests {

	@Autowired
	Harness harness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@Test
	void publishesANoteWithItsAuthorLookedUpOnceAndTheSameEventIdOnRedelivery() {
		String ticketId = newTicketId();
		String authorId = newTicketId();
		stubUser(authorId, "Dana Agent", "dana@example.com", "+14155550123");
		InboundDelivery delivery = comment(ticketId, authorId, "https://github.com/acme/app/issues/42", false,
				"2026-11-23T10:00:00Z");

		this.harness.publish(delivery);
		NoteAdded note = this.harness.awaitTicketEvent(NoteAdded.class, ticketId);
		this.harness.publish(delivery);
		NoteAdded again = this.harness.awaitTicketEvent(NoteAdded.class, ticketId);

		assertThat(again).isEqualTo(note);
		assertThat(note.body()).isEqualTo("https://github.com/acme/app/issues/42");
		assertThat(note.publicNote()).isFalse();
		assertThat(note.writtenBySwitchboard()).isFalse();
		assertThat(note.author().id()).isEqualTo(authorId);
		assertThat(note.author().name()).isEqualTo("Dana Agent");
		assertThat(note.author().email()).isEqualTo("dana@example.com");
		assertThat(note.author().phone()).isEqualTo("+14155550123");
		assertThat(note.occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
		assertThat(note.correlationId()).isEqualTo(delivery.correlationId());
		assertThat(this.harness.zendesk().find(getRequestedFor(urlEqualTo("/api/v2/users/" + authorId + ".json"))))
			.hasSize(1);
	}

	@Test
	void deadLettersTheDeliveryInsteadOfAckingItWhenItsNoteCannotBeRoutedAndPublishesItOnceOnReplay() {
		String ticketId = newTicketId();
		String authorId = newTicketId();
		stubUser(authorId, "Dana Agent", "dana@example.com", "+14155550123");
		InboundDelivery delivery = comment(ticketId, authorId, "https://github.com/acme/app/issues/7", false,
				"2026-11-23T10:00:00Z");
		Message deadLetter;
		this.harness.unbindTicketEventQueues();
		try {
			this.harness.publish(delivery);

			deadLetter = awaitInboundDeadLetter(delivery);
		}
		finally {
			this.harness.bindTicketEventQueues();
		}
		assertThat(deadLetter.getMessageProperties().<String>getHeader("x-exception-message")).contains("unroutable");

		// the gateway's replay: back to the work queue through the default exchange
		this.rabbit.send("", Destinations.queue(Destinations.WEBHOOKS_INBOUND, ServiceNames.CRM_BRIDGE), deadLetter);

		NoteAdded note = this.harness.awaitTicketEvent(NoteAdded.class, ticketId);
		assertThat(note.body()).isEqualTo("https://github.com/acme/app/issues/7");
		this.harness.assertNoMoreTicketEvents(ticketId, Duration.ofSeconds(2));
	}

	@Test
	void parksANoteWhoseAuthorCannotBeLookedUpWhileZendeskIsDownAndPublishesItOnceZendeskIsBack() {
		String ticketId = newTicketId();
		String authorId = newTicketId();
		// more 503s than the adapter's three attempts, for the delivery and its
		// redelivery
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/users/" + authorId + ".json"))
				.willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
		InboundDelivery delivery = comment(ticketId, authorId, "https://github.com/acme/app/issues/99", false,
				"2026-11-23T10:00:00Z");
		double parkedBefore = parkedCount();
		double acknowledgedParkedBefore = acknowledgedAsParked();

		this.harness.publish(delivery);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(parkedRows(delivery)).isOne());
		assertThat(parkedCount()).isEqualTo(parkedBefore + 1);
		// the gateway's or the broker's redelivery while the note is parked: parked once
		this.harness.publish(delivery);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(acknowledgedAsParked()).isEqualTo(acknowledgedParkedBefore + 2));
		assertThat(parkedRows(delivery)).isOne();
		assertThat(parkedCount()).isEqualTo(parkedBefore + 1);
		assertThat(inboundDeadLetterOf(delivery, Duration.ofSeconds(1))).isNull();

		stubUser(authorId, "Dana Agent", "dana@example.com", "+14155550123");

		NoteAdded note = this.harness.awaitTicketEvent(NoteAdded.class, ticketId);
		assertThat(note.body()).isEqualTo("https://github.com/acme/app/issues/99");
		assertThat(note.author().email()).isEqualTo("dana@example.com");
		assertThat(note.correlationId()).isEqualTo(delivery.correlationId());
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(parkedRows(delivery)).isZero());
		this.harness.assertNoMoreTicketEvents(ticketId, Duration.ofSeconds(2));
		assertThat(this.meters.counter("switchboard.deliveries.resumed", "provider", "zendesk").count()).isPositive();
	}

	@Test
	void marksANoteWrittenWithSwitchboardsAccountAsAnEcho() {
		String ticketId = newTicketId();
		String authorId = newTicketId();
		stubUser(authorId, "Switchboard", "switchboard@example.com", "");

		this.harness
			.publish(comment(ticketId, authorId, "Linked to acme/app#42 (open)", false, "2026-11-23T10:00:00Z"));

		assertThat(this.harness.awaitTicketEvent(NoteAdded.class, ticketId).writtenBySwitchboard()).isTrue();
	}

	@Test
	void dropsAStatusChangeOlderThanTheLastOneAndAReopenCausedBeforeAnAgentsSolve() {
		String ticketId = newTicketId();
		String authorId = newTicketId();
		stubUser(authorId, "Dana Agent", "dana@example.com", "");
		Instant solvedAt = Instant.parse("2026-11-23T10:10:00Z");

		this.harness.publish(status(ticketId, "OPEN", "SOLVED", solvedAt));
		StatusChanged solved = this.harness.awaitTicketEvent(StatusChanged.class, ticketId);
		this.harness.publish(status(ticketId, "NEW", "OPEN", solvedAt.minusSeconds(300)));
		this.harness
			.publish(comment(ticketId, authorId, "a marker after the stale event", false, "2026-11-23T10:11:00Z"));

		assertThat(solved.status()).isEqualTo("solved");
		assertThat(solved.previousStatus()).isEqualTo("open");
		assertThat(solved.writtenBySwitchboard()).isFalse();
		assertThat(this.harness.awaitTicketEvent(NoteAdded.class, ticketId).body())
			.isEqualTo("a marker after the stale event");

		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket.json",
						Map.of("ticketId", ticketId, "status", "solved", "updatedAt", "2026-11-23T10:10:00Z")))));
		this.harness.zendesk()
			.register(put(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket-updated.json",
						Map.of("ticketId", ticketId, "status", "solved", "updatedAt", "2026-11-23T10:12:00Z")))));
		Reopen replayed = Reopen.of(UUID.randomUUID(), "corr-replay", ticketId, solvedAt.minusSeconds(60));
		this.harness.publish(replayed);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.harness.zendesk().find(putRequestedFor(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))))
				.hasSize(1));
		String update = this.harness.zendesk()
			.find(putRequestedFor(urlEqualTo("/api/v2/tickets/" + ticketId + ".json")))
			.get(0)
			.getBodyAsString();
		assertThat(this.json.readTree(update).path("ticket").has("status")).isFalse();
		assertThat(this.json.readTree(update).path("ticket").path("comment").path("body").asString())
			.contains("did not reopen");
		assertThat(this.json.readTree(update).path("ticket").path("comment").path("public").asBoolean()).isFalse();
	}

	@Test
	void marksAStatusChangeCausedByOurOwnWriteAsAnEcho() {
		String ticketId = newTicketId();
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket.json",
						Map.of("ticketId", ticketId, "status", "solved", "updatedAt", "2026-11-23T10:00:00Z")))));
		this.harness.zendesk()
			.register(put(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket-updated.json",
						Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:05:00Z")))));
		Reopen reopen = Reopen.of(UUID.randomUUID(), "corr-echo", ticketId, Instant.parse("2026-11-23T10:04:00Z"));
		this.harness.publish(reopen);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.harness.zendesk().find(putRequestedFor(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))))
				.hasSize(1));
		// the write is ours once its transaction committed
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select state from ticket_command where command_id = ?")
				.param(reopen.commandId())
				.query(String.class)
				.single()
				.equals("applied"));

		InboundDelivery echo = delivery(fixture("zendesk/event-status-changed.json",
				Map.of("ticketId", ticketId, "previous", "SOLVED", "current", "OPEN", "eventId",
						UUID.randomUUID().toString(), "time", "2026-11-23T10:05:00Z", "updatedAt",
						"2026-11-23T10:05:00Z")),
				"zen:event-type:ticket.status_changed");
		this.harness.publish(echo);

		StatusChanged changed = this.harness.awaitTicketEvent(StatusChanged.class, ticketId);
		assertThat(changed.status()).isEqualTo("open");
		assertThat(changed.writtenBySwitchboard()).isTrue();
	}

	@ParameterizedTest
	@MethodSource("dev.switchboard.crmbridge.Fixtures#hostileTicketIds")
	void deadLettersAnEventWhoseTicketIdIsNotAHelpdeskIdAndActsOnNothingInIt(String ticketId) {
		String authorId = newTicketId();
		stubUser(authorId, "Dana Agent", "dana@example.com", "+14155550123");
		InboundDelivery delivery = delivery(fixture("zendesk/event-comment-added.json",
				Map.of("ticketId", ticketId, "authorId", authorId, "authorName", "Dana Agent", "body",
						"/call +1 212 555 0166", "commentId", newTicketId(), "isPublic", "false", "eventId",
						UUID.randomUUID().toString(), "time", "2026-11-23T10:00:00Z", "updatedAt",
						"2026-11-23T10:00:00Z")),
				"zen:event-type:ticket.comment_added");

		this.harness.publish(delivery);

		Message deadLetter = awaitInboundDeadLetter(delivery);
		assertThat(deadLetter.getMessageProperties().<String>getHeader("x-exception-message"))
			.contains("is not a helpdesk ticket id");
		assertThat(this.harness.zendesk().find(getRequestedFor(urlEqualTo("/api/v2/users/" + authorId + ".json"))))
			.isEmpty();
		assertThat(this.harness.zendeskUrls()).allMatch(Fixtures.WELL_FORMED_ZENDESK_PATH.asMatchPredicate());
		assertThat(this.harness.twilio().find(postRequestedFor(anyUrl())))
			.noneMatch((request) -> request.getBodyAsString()
				.contains(URLEncoder.encode("+12125550166", StandardCharsets.UTF_8)));
	}

	@Test
	void publishesANoteWhoseAuthorIdIsNotAHelpdeskIdWithoutLookingTheAuthorUp() {
		String ticketId = newTicketId();
		String target = newTicketId();
		String authorId = "../../tickets/" + target;

		this.harness.publish(
				comment(ticketId, authorId, "written by something that is not a user", false, "2026-11-23T10:00:00Z"));

		NoteAdded note = this.harness.awaitTicketEvent(NoteAdded.class, ticketId);
		assertThat(note.author().id()).isEqualTo(authorId);
		assertThat(note.author().name()).isEqualTo("Dana Agent");
		assertThat(note.author().phone()).isNull();
		assertThat(this.harness.zendeskUrls()).allMatch(Fixtures.WELL_FORMED_ZENDESK_PATH.asMatchPredicate())
			.noneMatch((url) -> url.contains(target));
	}

	private Message awaitInboundDeadLetter(InboundDelivery delivery) {
		Message message = inboundDeadLetterOf(delivery, Duration.ofSeconds(15));
		if (message == null) {
			throw new AssertionError("delivery " + delivery.eventId() + " not dead-lettered");
		}
		return message;
	}

	/**
	 * The delivery from the DLQ of crm-bridge's inbound queue, if it comes within the
	 * wait.
	 */
	private @Nullable Message inboundDeadLetterOf(InboundDelivery delivery, Duration wait) {
		String queue = Destinations.deadLetterQueue(Destinations.WEBHOOKS_INBOUND, ServiceNames.CRM_BRIDGE);
		long deadline = System.currentTimeMillis() + wait.toMillis();
		while (System.currentTimeMillis() < deadline) {
			Message message = this.rabbit.receive(queue, 200);
			if (message != null
					&& delivery.eventId().toString().equals(message.getMessageProperties().getMessageId())) {
				return message;
			}
		}
		return null;
	}

	private long parkedRows(InboundDelivery delivery) {
		return this.jdbc.sql("select count(*) from parked_delivery where event_id = ?")
			.param(delivery.eventId().toString())
			.query(Long.class)
			.single();
	}

	/**
	 * Deliveries the consumer acknowledged because they were parked (or were already).
	 */
	private double acknowledgedAsParked() {
		return this.meters.counter("switchboard.deliveries.received", "provider", "zendesk", "outcome", "parked")
			.count();
	}

	private double parkedCount() {
		return this.meters.counter("switchboard.deliveries.parked", "provider", "zendesk").count();
	}

	private void stubUser(String userId, String name, String email, String phone) {
		this.harness.zendesk()
			.register(
					get(urlEqualTo("/api/v2/users/" + userId + ".json")).willReturn(okJson(fixture("zendesk/user.json",
							Map.of("userId", userId, "name", name, "email", email, "phone", phone)))));
	}

	private InboundDelivery comment(String ticketId, String authorId, String body, boolean isPublic, String time) {
		return delivery(
				fixture("zendesk/event-comment-added.json",
						Map.of("ticketId", ticketId, "authorId", authorId, "authorName", "Dana Agent", "body", body,
								"commentId", newTicketId(), "isPublic", Boolean.toString(isPublic), "eventId",
								UUID.randomUUID().toString(), "time", time, "updatedAt", time)),
				"zen:event-type:ticket.comment_added");
	}

	private InboundDelivery status(String ticketId, String previous, String current, Instant time) {
		return delivery(
				fixture("zendesk/event-status-changed.json",
						Map.of("ticketId", ticketId, "previous", previous, "current", current, "eventId",
								UUID.randomUUID().toString(), "time", time.toString(), "updatedAt", time.toString())),
				"zen:event-type:ticket.status_changed");
	}

	private InboundDelivery delivery(String body, String type) {
		String id = this.json.readTree(body).path("id").asString();
		return InboundDelivery.of("corr-" + id, Provider.ZENDESK, type, id, Instant.now(),
				Map.of("x-zendesk-webhook-id", "01HZXWEBHOOK"), body.getBytes(StandardCharsets.UTF_8));
	}

}
