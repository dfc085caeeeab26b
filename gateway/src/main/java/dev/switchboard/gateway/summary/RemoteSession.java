package dev.switchboard.gateway.summary;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One of the ticket's remote sessions. The links are shown only while the session is live
 * (created, invited, started): the agent opens the agent link, the customer got the
 * customer link in a public reply.
 *
 * @param agent who started it (the agent's e-mail)
 */
public record RemoteSession(String id, String provider, String state, boolean live, String agent,
		@Nullable String agentUrl, @Nullable String customerUrl, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant endedAt, @Nullable Long durationSeconds, Instant expiresAt) {
}
