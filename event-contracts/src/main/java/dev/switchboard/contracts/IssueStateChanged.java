package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A followed issue changed state.
 *
 * @param previousState the state before, as the tracker names it, if known
 * @param state the new state as the tracker names it ({@code closed}, {@code Done}, …)
 * @param category {@code open}, {@code completed} or {@code not-planned}
 * @param changedBy the tracker user who changed it, if known
 * @param linkedTickets how many tickets were linked when it changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueStateChanged(int schemaVersion, UUID eventId, String correlationId, String tracker, String issueId,
		Instant occurredAt, String issueKey, @Nullable String previousState, String state, String category,
		@Nullable String changedBy, int linkedTickets) implements IssueEvent {

	public IssueStateChanged {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		notBlank(tracker, "tracker");
		notBlank(issueId, "issueId");
		required(occurredAt, "occurredAt");
		notBlank(issueKey, "issueKey");
		notBlank(state, "state");
		notBlank(category, "category");
		if (linkedTickets < 0) {
			throw new IllegalArgumentException("linkedTickets must not be negative");
		}
	}

	public static IssueStateChanged of(UUID eventId, String correlationId, String tracker, String issueId,
			Instant occurredAt, String issueKey, @Nullable String previousState, String state, String category,
			@Nullable String changedBy, int linkedTickets) {
		return new IssueStateChanged(SchemaVersions.CURRENT, eventId, correlationId, tracker, issueId, occurredAt,
				issueKey, previousState, state, category, changedBy, linkedTickets);
	}

}
