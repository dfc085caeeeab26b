package dev.switchboard.remotesession.session;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What a vendor is asked to create. */
public record NewSession(UUID sessionId, String ticketId, String agentEmail, Customer customer,
		@Nullable Connection connection, Instant expiresAt) {
}
