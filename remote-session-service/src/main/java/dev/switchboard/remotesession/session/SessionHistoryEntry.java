package dev.switchboard.remotesession.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of a session's audit trail.
 *
 * @param kind what happened ({@code created}, {@code invited}, {@code started},
 * {@code ended}, {@code expired}, {@code failed})
 * @param source who said so ({@code api}, {@code note}, {@code push}, {@code poll},
 * {@code agent}, {@code expiry})
 * @param applied whether it changed the session (duplicates and stale events do not)
 */
public record SessionHistoryEntry(String kind, String source, Instant occurredAt, Instant recordedAt, boolean applied,
		SessionState stateAfter, @Nullable String detail) {
}
