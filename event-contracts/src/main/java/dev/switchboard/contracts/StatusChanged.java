package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's status changed (statuses in lower case: new, open, pending, hold, solved,
 * closed).
 *
 * @param changedBy id of the helpdesk user who changed it, if known
 * @param writtenBySwitchboard {@code true} when the change echoes one of Switchboard's
 * own writes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusChanged(int schemaVersion, UUID eventId, String correlationId, String ticketId, Instant occurredAt,
		@Nullable String previousStatus, String status, @Nullable String changedBy,
		boolean writtenBySwitchboard) implements TicketEvent {

	public StatusChanged {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		notBlank(ticketId, "ticketId");
		required(occurredAt, "occurredAt");
		notBlank(status, "status");
	}

}
