package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A public reply the requester sees. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AddPublicReply(int schemaVersion, UUID commandId, String correlationId, String ticketId, Instant causedAt,
		String body) implements TicketCommand {

	public AddPublicReply {
		Validation.schemaVersion(schemaVersion);
		required(commandId, "commandId");
		notBlank(correlationId, "correlationId");
		notBlank(ticketId, "ticketId");
		required(causedAt, "causedAt");
		notBlank(body, "body");
	}

	public static AddPublicReply of(UUID commandId, String correlationId, String ticketId, Instant causedAt,
			String body) {
		return new AddPublicReply(SchemaVersions.CURRENT, commandId, correlationId, ticketId, causedAt, body);
	}

}
