package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/** Set a ticket's custom field; a {@code null} value clears it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SetField(int schemaVersion, UUID commandId, String correlationId, String ticketId, Instant causedAt,
		String fieldId, @Nullable String value) implements TicketCommand {

	public SetField {
		Validation.schemaVersion(schemaVersion);
		required(commandId, "commandId");
		notBlank(correlationId, "correlationId");
		notBlank(ticketId, "ticketId");
		required(causedAt, "causedAt");
		notBlank(fieldId, "fieldId");
	}

	public static SetField of(UUID commandId, String correlationId, String ticketId, Instant causedAt, String fieldId,
			@Nullable String value) {
		return new SetField(SchemaVersions.CURRENT, commandId, correlationId, ticketId, causedAt, fieldId, value);
	}

}
