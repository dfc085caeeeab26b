package dev.switchboard.remotesession.session;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A request to start a session for a ticket on behalf of an agent.
 *
 * @param sessionId the id the session gets: derived from the causing event for a
 * {@code /remote} note (so a redelivered note names the same session), new for an API
 * call
 * @param causedAt when the request was made (the note's time for a note)
 */
public record StartRequest(UUID sessionId, String ticketId, ProviderName provider, String agentEmail, Customer customer,
		@Nullable Connection connection, StartedVia via, String correlationId, Instant causedAt) {

	public StartRequest {
		TicketIds.require("ticketId", ticketId);
		if (agentEmail.isBlank()) {
			throw new IllegalArgumentException("agentEmail must not be blank");
		}
		if (provider == ProviderName.GUACAMOLE && connection == null) {
			throw new IllegalArgumentException("a Guacamole session needs a connection");
		}
	}

}
