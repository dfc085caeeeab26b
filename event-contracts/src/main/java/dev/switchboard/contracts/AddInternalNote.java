package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An internal note (not visible to the requester). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AddInternalNote(int schemaVersion, UUID commandId, String correlationId, String ticketId,
		Instant causedAt, String body) implements TicketCommand {

	public AddInternalNote {
		Validation.schemaVersion(schemaVersion);
		required(commandId, "commandId");
		notBlank(correlationId, "correlationId");
		notBlank(ticketId, "ticketId");
		required(causedAt, "causedAt");
		notBlank(body, "body");
	}

	public static AddInternalNote of(UUID commandId, String correlationId, String ticketId, Instant causedAt,
			String body) {
		return new AddInternalNote(SchemaVersions.CURRENT, commandId, correlationId, ticketId, causedAt, body);
	}

}
