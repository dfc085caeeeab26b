package dev.switchboard.sandbox.zendesk;

import java.time.Instant;
import java.util.List;

/**
 * A simulated Zendesk ticket as one moment shows it; its comments in the order Zendesk
 * stored them.
 */
public record Ticket(long id, String subject, long requesterId, String status, Instant updatedAt,
		List<Comment> comments) {

	public Ticket {
		comments = List.copyOf(comments);
	}

	/** A comment; {@code publicComment} false is an internal note. */
	public record Comment(long id, String body, boolean publicComment, long authorId, Instant createdAt) {
	}

}
