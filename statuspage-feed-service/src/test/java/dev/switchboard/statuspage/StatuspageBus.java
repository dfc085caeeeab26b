package dev.switchboard.statuspage;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.TicketChanged;
import dev.switchboard.contracts.TicketEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.context.TestComponent;

/**
 * What the other parts of Switchboard put on the bus for this service, as they do it:
 * Statuspage webhooks as the gateway publishes them to {@code webhooks.inbound}, and
 * ticket events as crm-bridge publishes them to {@code tickets.events}. Imported by
 * {@link StatuspageIntegrationTest}, so every integration test sets up its messages one
 * way.
 */
@TestComponent
public class StatuspageBus {

	/** The page id of the webhook fixtures, replaced by each test's own. */
	private static final String FIXTURE_PAGE = "pg7cdn01xyz9";

	private final RabbitTemplate rabbit;

	private final JsonMapper json;

	StatuspageBus(RabbitTemplate rabbit, JsonMapper json) {
		this.rabbit = rabbit;
		this.json = json;
	}

	/**
	 * A webhook fixture (under {@code fixtures/}) as the gateway hands it over, for the
	 * given page; its delivery id is the page and the newest update's id, as the gateway
	 * derives it.
	 */
	public InboundDelivery webhook(String fixture, String page) {
		return delivery(page, (ObjectNode) this.json.readTree(Fixtures.text(fixture).replace(FIXTURE_PAGE, page)));
	}

	/**
	 * The incident of {@code incident-api-dashboard-investigating.json} with the page and
	 * code, its components renamed when {@code component} is given ({@code component} and
	 * {@code component console}, so that no other test's ticket matches them), and an
	 * update of the given status on top (resolved also sets {@code resolved_at}).
	 */
	public InboundDelivery incident(String page, String code, @Nullable String component, String status, String at) {
		String text = Fixtures.text("statuspage/incident-api-dashboard-investigating.json")
			.replace(FIXTURE_PAGE, page)
			.replace("r2v9hb4kq7tn", code);
		if (component != null) {
			text = text.replace("\"name\": \"API\"", "\"name\": \"" + component + "\"")
				.replace("\"name\": \"Dashboard\"", "\"name\": \"" + component + " console\"");
		}
		ObjectNode root = (ObjectNode) this.json.readTree(text);
		ObjectNode incident = (ObjectNode) root.path("incident");
		incident.put("status", status);
		ArrayNode updates = (ArrayNode) incident.path("incident_updates");
		if (!"investigating".equals(status)) {
			ObjectNode later = ((ObjectNode) updates.get(0)).deepCopy();
			later.put("status", status)
				.put("created_at", at)
				.put("display_at", at)
				.put("body", "This incident has been " + status + ".")
				.put("id", "upd" + status + code);
			updates.insert(0, later);
			if ("resolved".equals(status)) {
				incident.put("resolved_at", at);
			}
		}
		return delivery(page, root);
	}

	/** Publishes a webhook as the gateway does. */
	public void publish(InboundDelivery delivery) {
		this.rabbit.send(Destinations.WEBHOOKS_INBOUND, delivery.routingKey(),
				message(this.json.writeValueAsBytes(delivery), delivery.eventId(), delivery.correlationId()));
	}

	/** Publishes a ticket event as crm-bridge-service does. */
	public void publish(TicketEvent event) {
		this.rabbit.send(Destinations.TICKETS_EVENTS, "ticket-changed",
				message(this.json.writerFor(TicketEvent.class).writeValueAsBytes(event), event.eventId(),
						event.correlationId()));
	}

	/** A ticket created with the subject and description, as crm-bridge announces it. */
	public static TicketChanged ticketCreated(String ticketId, String subject, String description) {
		UUID eventId = UUID.randomUUID();
		Instant at = Instant.parse("2026-11-23T10:27:00Z");
		return new TicketChanged(1, eventId, "corr-" + eventId, ticketId, at, TicketChanged.CREATED, subject,
				description, "new", at, false);
	}

	private InboundDelivery delivery(String page, ObjectNode root) {
		String updateId = root.path("incident").path("incident_updates").get(0).path("id").asString();
		return InboundDelivery.of("corr-" + UUID.randomUUID(), Provider.STATUSPAGE, "incident", page + "-" + updateId,
				Instant.now(), Map.of(), this.json.writeValueAsBytes(root));
	}

	private static Message message(byte[] body, UUID id, String correlationId) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(id.toString());
		properties.setCorrelationId(correlationId);
		return new Message(body, properties);
	}

}
