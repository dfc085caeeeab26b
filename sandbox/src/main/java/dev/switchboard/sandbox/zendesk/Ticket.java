package dev.switchboard.sandbox.zendesk;

import java.time.Instant;
import java.util.List;

/**
 * A simulated Zendesk ticket as one moment shows it; its comments in the order Zendesk
 * stored them, its tags in the order they were added.
 */
public record Ticket(long id, String subject, long requesterId, String status, Instant updatedAt,
		List<Comment> comments, List<String> tags) {

	public Ticket {
		comments = List.copyOf(comments);
		tags = List.copyOf(tags);
	}

	/** A comment; {@code publicComment} false is an internal note. */
	public record Comment(long id, String body, boolean publicComment, long authorId, Instant createdAt) {
	}

}
