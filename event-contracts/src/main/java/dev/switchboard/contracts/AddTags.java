package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Add tags to a ticket, keeping the ones it has. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AddTags(int schemaVersion, UUID commandId, String correlationId, String ticketId, Instant causedAt,
		List<String> tags) implements TicketCommand {

	public AddTags {
		Validation.schemaVersion(schemaVersion);
		required(commandId, "commandId");
		notBlank(correlationId, "correlationId");
		notBlank(ticketId, "ticketId");
		required(causedAt, "causedAt");
		tags = List.copyOf(required(tags, "tags"));
		if (tags.isEmpty()) {
			throw new IllegalArgumentException("at least one tag is required");
		}
		tags.forEach((tag) -> notBlank(tag, "tag"));
	}

	public static AddTags of(UUID commandId, String correlationId, String ticketId, Instant causedAt,
			List<String> tags) {
		return new AddTags(SchemaVersions.CURRENT, commandId, correlationId, ticketId, causedAt, tags);
	}

}
