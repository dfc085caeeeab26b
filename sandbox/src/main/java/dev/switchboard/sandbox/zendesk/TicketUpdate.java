package dev.switchboard.sandbox.zendesk;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one {@code PUT /api/v2/tickets/{id}.json} asks for: at most one comment, a status,
 * tags to add, and with {@code safeUpdate} the {@code updated_at} the caller read.
 */
public record TicketUpdate(@Nullable String commentBody, boolean commentPublic, @Nullable String status,
		boolean safeUpdate, @Nullable String updatedStamp, List<String> additionalTags) {

	public TicketUpdate {
		additionalTags = List.copyOf(additionalTags);
	}

	public TicketUpdate(@Nullable String commentBody, boolean commentPublic, @Nullable String status,
			boolean safeUpdate, @Nullable String updatedStamp) {
		this(commentBody, commentPublic, status, safeUpdate, updatedStamp, List.of());
	}

}
