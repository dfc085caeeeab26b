package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The first update of an incident (Statuspage's first status, or a new entry of a plain
 * feed).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentOpened(int schemaVersion, UUID eventId, String correlationId, Instant occurredAt, String source,
		String incidentId, String title, String status, @Nullable String impact, List<String> components,
		@Nullable String link, String text) implements IncidentEvent {

	public IncidentOpened {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		required(occurredAt, "occurredAt");
		notBlank(source, "source");
		notBlank(incidentId, "incidentId");
		required(title, "title");
		notBlank(status, "status");
		components = (components != null) ? List.copyOf(components) : List.of();
		required(text, "text");
	}

}
