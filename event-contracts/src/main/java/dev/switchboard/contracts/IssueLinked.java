package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A ticket was linked to an issue.
 *
 * @param issueKey {@code owner/repo#42} or {@code KEY-1} at the time of linking
 * @param state the issue's state as the tracker names it ({@code open}, {@code In
 * Progress}, …)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueLinked(int schemaVersion, UUID eventId, String correlationId, String tracker, String issueId,
		Instant occurredAt, String ticketId, String issueKey, String issueUrl, String state) implements IssueEvent {

	public IssueLinked {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		notBlank(tracker, "tracker");
		notBlank(issueId, "issueId");
		required(occurredAt, "occurredAt");
		notBlank(ticketId, "ticketId");
		notBlank(issueKey, "issueKey");
		notBlank(issueUrl, "issueUrl");
		notBlank(state, "state");
	}

	public static IssueLinked of(UUID eventId, String correlationId, String tracker, String issueId, Instant occurredAt,
			String ticketId, String issueKey, String issueUrl, String state) {
		return new IssueLinked(SchemaVersions.CURRENT, eventId, correlationId, tracker, issueId, occurredAt, ticketId,
				issueKey, issueUrl, state);
	}

}
