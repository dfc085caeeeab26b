package dev.switchboard.sandbox.zendesk;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one {@code POST /api/v2/tickets.json} asks for, written by the API user.
 *
 * @param requesterId the requester, or none (Zendesk then makes the API user the
 * requester)
 * @param idempotencyKey Zendesk's {@code Idempotency-Key}: a repeat with the same key
 * answers the ticket the first request created
 */
public record NewTicket(String subject, @Nullable Long requesterId, String commentBody, boolean commentPublic,
		@Nullable String status, List<String> tags, @Nullable String idempotencyKey) {

	public NewTicket {
		tags = List.copyOf(tags);
		if (subject.isBlank()) {
			throw new IllegalArgumentException("a ticket needs a subject");
		}
	}

}
