package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A closed ticket ({@link #ticketId()}) was replaced by a follow-up; whatever pointed at
 * the closed one now belongs to {@link #followUpTicketId()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketFollowedUp(int schemaVersion, UUID eventId, String correlationId, String ticketId,
		Instant occurredAt, String followUpTicketId) implements TicketEvent {

	public TicketFollowedUp {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		notBlank(ticketId, "ticketId");
		required(occurredAt, "occurredAt");
		notBlank(followUpTicketId, "followUpTicketId");
		if (followUpTicketId.equals(ticketId)) {
			throw new IllegalArgumentException("a ticket cannot follow itself up");
		}
	}

}
