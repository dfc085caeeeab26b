package dev.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something that happened to a helpdesk ticket, published by crm-bridge-service on
 * {@link Destinations#TICKETS_EVENTS}. The {@code type} property names the member of the
 * family.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = NoteAdded.class, name = "note-added"),
		@JsonSubTypes.Type(value = StatusChanged.class, name = "status-changed"),
		@JsonSubTypes.Type(value = TicketFollowedUp.class, name = "ticket-followed-up"),
		@JsonSubTypes.Type(value = TicketChanged.class, name = "ticket-changed") })
public sealed interface TicketEvent permits NoteAdded, StatusChanged, TicketFollowedUp, TicketChanged {

	int schemaVersion();

	/**
	 * This event's own id, derived from the helpdesk's event id; also the AMQP
	 * {@code message_id}.
	 */
	UUID eventId();

	String correlationId();

	String ticketId();

	/** When it happened at the helpdesk (orders events of one ticket). */
	Instant occurredAt();

}
