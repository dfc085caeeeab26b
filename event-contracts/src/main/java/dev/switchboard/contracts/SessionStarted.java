package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Someone joined: the remote connection began ({@link #occurredAt()} is its start).
 *
 * @param host the device or host connected to, when the vendor says
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionStarted(int schemaVersion, UUID eventId, String correlationId, UUID sessionId, String ticketId,
		String provider, Instant occurredAt, String providerSessionId, String agentEmail,
		@Nullable String host) implements SessionEvent {

	public SessionStarted {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		required(sessionId, "sessionId");
		notBlank(ticketId, "ticketId");
		notBlank(provider, "provider");
		required(occurredAt, "occurredAt");
		notBlank(providerSessionId, "providerSessionId");
		notBlank(agentEmail, "agentEmail");
	}

}
