package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A ticket's link to an issue was removed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueUnlinked(int schemaVersion, UUID eventId, String correlationId, String tracker, String issueId,
		Instant occurredAt, String ticketId) implements IssueEvent {

	public IssueUnlinked {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		notBlank(tracker, "tracker");
		notBlank(issueId, "issueId");
		required(occurredAt, "occurredAt");
		notBlank(ticketId, "ticketId");
	}

	public static IssueUnlinked of(UUID eventId, String correlationId, String tracker, String issueId,
			Instant occurredAt, String ticketId) {
		return new IssueUnlinked(SchemaVersions.CURRENT, eventId, correlationId, tracker, issueId, occurredAt,
				ticketId);
	}

}
