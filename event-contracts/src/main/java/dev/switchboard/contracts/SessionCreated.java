package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A session was created at the vendor and the invitations went out.
 *
 * @param providerSessionId the vendor's id of the session (TeamViewer's session code;
 * Switchboard's own id for Guacamole, which has none)
 * @param agentEmail the agent who started it
 * @param expiresAt when the invitation expires if nobody joins
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionCreated(int schemaVersion, UUID eventId, String correlationId, UUID sessionId, String ticketId,
		String provider, Instant occurredAt, String providerSessionId, String agentEmail,
		Instant expiresAt) implements SessionEvent {

	public SessionCreated {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		required(sessionId, "sessionId");
		notBlank(ticketId, "ticketId");
		notBlank(provider, "provider");
		required(occurredAt, "occurredAt");
		notBlank(providerSessionId, "providerSessionId");
		notBlank(agentEmail, "agentEmail");
		required(expiresAt, "expiresAt");
	}

}
