package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A session is over, for good ({@link #occurredAt()} is its end).
 *
 * @param outcome {@code ended} (it took place), {@code expired} (nobody joined before the
 * invitation expired) or {@code failed} (the vendor reported a failure)
 * @param startedAt when the connection began, if it did
 * @param durationSeconds how long it lasted, if it took place
 * @param endReason how it ended, in words
 * @param recordingUrl the vendor's recording, if there is one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionEnded(int schemaVersion, UUID eventId, String correlationId, UUID sessionId, String ticketId,
		String provider, Instant occurredAt, String providerSessionId, String agentEmail, String outcome,
		@Nullable Instant startedAt, @Nullable Long durationSeconds, String endReason,
		@Nullable String recordingUrl) implements SessionEvent {

	/** The values of {@link #outcome()}. */
	public static final Set<String> OUTCOMES = Set.of("ended", "expired", "failed");

	public SessionEnded {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		required(sessionId, "sessionId");
		notBlank(ticketId, "ticketId");
		notBlank(provider, "provider");
		required(occurredAt, "occurredAt");
		notBlank(providerSessionId, "providerSessionId");
		notBlank(agentEmail, "agentEmail");
		if (!OUTCOMES.contains(notBlank(outcome, "outcome"))) {
			throw new IllegalArgumentException("outcome must be one of " + OUTCOMES + ", was " + outcome);
		}
		notBlank(endReason, "endReason");
		if (durationSeconds != null && durationSeconds < 0) {
			throw new IllegalArgumentException("durationSeconds must not be negative");
		}
	}

}
