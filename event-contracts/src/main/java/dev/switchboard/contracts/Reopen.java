package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Set a solved (or pending) ticket back to open. A closed ticket gets a follow-up
 * instead.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reopen(int schemaVersion, UUID commandId, String correlationId, String ticketId,
		Instant causedAt) implements TicketCommand {

	public Reopen {
		Validation.schemaVersion(schemaVersion);
		required(commandId, "commandId");
		notBlank(correlationId, "correlationId");
		notBlank(ticketId, "ticketId");
		required(causedAt, "causedAt");
	}

	public static Reopen of(UUID commandId, String correlationId, String ticketId, Instant causedAt) {
		return new Reopen(SchemaVersions.CURRENT, commandId, correlationId, ticketId, causedAt);
	}

}
