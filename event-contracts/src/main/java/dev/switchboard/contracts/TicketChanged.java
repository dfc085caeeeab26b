package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A ticket was created, or its subject or description changed: what the ticket says now.
 * Published once per helpdesk event; one older (by {@link #occurredAt()}) than the last
 * change event of the ticket is not published.
 *
 * @param change what happened: {@code created}, {@code subject-changed} or
 * {@code description-changed}
 * @param subject the ticket's subject now (empty when it has none)
 * @param description the ticket's description now (its first comment; empty when it has
 * none)
 * @param status the ticket's status in lower case, if the event says
 * @param updatedAt the ticket's {@code updated_at} after the change, if the event says
 * @param writtenBySwitchboard {@code true} when the change echoes one of Switchboard's
 * own writes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketChanged(int schemaVersion, UUID eventId, String correlationId, String ticketId, Instant occurredAt,
		String change, String subject, String description, @Nullable String status, @Nullable Instant updatedAt,
		boolean writtenBySwitchboard) implements TicketEvent {

	public static final String CREATED = "created";

	public static final String SUBJECT_CHANGED = "subject-changed";

	public static final String DESCRIPTION_CHANGED = "description-changed";

	public TicketChanged {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		notBlank(ticketId, "ticketId");
		required(occurredAt, "occurredAt");
		notBlank(change, "change");
		subject = (subject != null) ? subject : "";
		description = (description != null) ? description : "";
	}

}
