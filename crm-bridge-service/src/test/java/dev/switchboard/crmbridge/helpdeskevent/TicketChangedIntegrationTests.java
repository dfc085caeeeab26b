package dev.switchboard.crmbridge.helpdeskevent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.TicketChanged;
import dev.switchboard.crmbridge.CrmBridgeIntegrationTest;
import dev.switchboard.crmbridge.Harness;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.switchboard.crmbridge.Fixtures.fixture;
import static dev.switchboard.crmbridge.Fixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zendesk {@code ticket.created}, {@code ticket.subject_changed} and
 * {@code ticket.description_changed} event webhooks, published on the real broker as the
 * gateway publishes them, turned into {@code TicketChanged} on {@code tickets.events}.
 */
@CrmBridgeIntegrationTest
class TicketChangedIntegrationTests {

	@Autowired
	Harness harness;

	@Autowired
	JsonMapper json;

	@Test
	void publishesACreatedTicketsSubjectAndDescriptionWithTheSameEventIdOnRedelivery() {
		String ticketId = newTicketId();
		InboundDelivery delivery = created(ticketId, "Billing API returns 502", "Since 10:00 every invoice call fails.",
				"2026-11-23T10:00:00Z");

		this.harness.publish(delivery);
		TicketChanged changed = this.harness.awaitTicketEvent(TicketChanged.class, ticketId);
		this.harness.publish(delivery);
		TicketChanged again = this.harness.awaitTicketEvent(TicketChanged.class, ticketId);

		assertThat(again).isEqualTo(changed);
		assertThat(changed.change()).isEqualTo(TicketChanged.CREATED);
		assertThat(changed.subject()).isEqualTo("Billing API returns 502");
		assertThat(changed.description()).isEqualTo("Since 10:00 every invoice call fails.");
		assertThat(changed.status()).isEqualTo("new");
		assertThat(changed.occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
		assertThat(changed.updatedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
		assertThat(changed.correlationId()).isEqualTo(delivery.correlationId());
		assertThat(changed.writtenBySwitchboard()).isFalse();
		// the event carried the ticket's text: Zendesk was not asked
		assertThat(this.harness.zendesk().find(getRequestedFor(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))))
			.isEmpty();
	}

	@Test
	void readsTheTicketForTheDescriptionAChangedSubjectEventDoesNotCarry() {
		String ticketId = newTicketId();
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket.json",
						Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:05:00Z")))));

		this.harness
			.publish(subjectChanged(ticketId, "Dashboard shows no data", "Export fails", "2026-11-23T10:05:00Z"));

		TicketChanged changed = this.harness.awaitTicketEvent(TicketChanged.class, ticketId);
		assertThat(changed.change()).isEqualTo(TicketChanged.SUBJECT_CHANGED);
		assertThat(changed.subject()).isEqualTo("Dashboard shows no data");
		assertThat(changed.description()).isEqualTo("Since this morning every export stops after a minute.");
		assertThat(changed.status()).isEqualTo("open");
		assertThat(this.harness.zendesk().find(getRequestedFor(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))))
			.hasSize(1);
	}

	@Test
	void dropsASubjectChangeOlderThanTheLastContentEventOfTheTicket() {
		String ticketId = newTicketId();
		this.harness.zendesk()
			.register(get(urlEqualTo("/api/v2/tickets/" + ticketId + ".json"))
				.willReturn(okJson(fixture("zendesk/ticket.json",
						Map.of("ticketId", ticketId, "status", "open", "updatedAt", "2026-11-23T10:10:00Z")))));
		this.harness.publish(subjectChanged(ticketId, "API is down again", "API is slow", "2026-11-23T10:10:00Z"));
		assertThat(this.harness.awaitTicketEvent(TicketChanged.class, ticketId).subject())
			.isEqualTo("API is down again");

		this.harness.publish(subjectChanged(ticketId, "API is slow", "Question", "2026-11-23T10:01:00Z"));
		this.harness.publish(comment(ticketId, "a marker after the stale event", "2026-11-23T10:11:00Z"));

		assertThat(this.harness.awaitTicketEvent(NoteAdded.class, ticketId).body())
			.isEqualTo("a marker after the stale event");
		this.harness.assertNoMoreTicketEvents(ticketId, Duration.ofSeconds(1));
	}

	private InboundDelivery created(String ticketId, String subject, String description, String time) {
		return delivery(
				fixture("zendesk/event-ticket-created.json", Map.of("ticketId", ticketId, "subject", subject,
						"description", description, "eventId", UUID.randomUUID().toString(), "time", time)),
				"zen:event-type:ticket.created");
	}

	private InboundDelivery subjectChanged(String ticketId, String subject, String previous, String time) {
		return delivery(
				fixture("zendesk/event-subject-changed.json", Map.of("ticketId", ticketId, "subject", subject,
						"previous", previous, "eventId", UUID.randomUUID().toString(), "time", time)),
				"zen:event-type:ticket.subject_changed");
	}

	private InboundDelivery comment(String ticketId, String body, String time) {
		return delivery(
				fixture("zendesk/event-comment-added.json",
						Map.of("ticketId", ticketId, "authorId", "../not-a-user", "authorName", "Dana Agent", "body",
								body, "commentId", newTicketId(), "isPublic", "false", "eventId",
								UUID.randomUUID().toString(), "time", time, "updatedAt", time)),
				"zen:event-type:ticket.comment_added");
	}

	private InboundDelivery delivery(String body, String type) {
		String id = this.json.readTree(body).path("id").asString();
		return InboundDelivery.of("corr-" + id, Provider.ZENDESK, type, id, Instant.now(),
				Map.of("x-zendesk-webhook-id", "01HZXWEBHOOK"), body.getBytes(StandardCharsets.UTF_8));
	}

}
