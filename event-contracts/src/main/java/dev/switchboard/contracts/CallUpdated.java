package dev.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

/**
 * A call's log changed (status, answer, end, duration, recording).
 *
 * @param durationSeconds the talk time once the call ended
 * @param waitSeconds ringing to answer, when the phone system reported both
 * @param missed whether nobody answered (busy, no-answer, canceled, failed)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallUpdated(int schemaVersion, UUID eventId, String correlationId, String callSid,
		@Nullable String ticketId, String direction, String status, Instant occurredAt,
		@Nullable Integer durationSeconds, @Nullable Integer waitSeconds, boolean missed,
		@Nullable String recordingUrl) implements CallEvent {

	public CallUpdated {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		notBlank(callSid, "callSid");
		notBlank(direction, "direction");
		notBlank(status, "status");
		required(occurredAt, "occurredAt");
		if (durationSeconds != null && durationSeconds < 0) {
			throw new IllegalArgumentException("durationSeconds must not be negative");
		}
	}

}
