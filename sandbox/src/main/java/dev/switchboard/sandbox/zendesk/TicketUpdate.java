package dev.switchboard.sandbox.zendesk;

import org.jspecify.annotations.Nullable;

/**
 * What one {@code PUT /api/v2/tickets/{id}.json} asks for: at most one comment, a status,
 * and with {@code safeUpdate} the {@code updated_at} the caller read.
 */
public record TicketUpdate(@Nullable String commentBody, boolean commentPublic, @Nullable String status,
		boolean safeUpdate, @Nullable String updatedStamp) {
}
