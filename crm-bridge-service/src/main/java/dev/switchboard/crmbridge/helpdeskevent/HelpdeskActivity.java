package dev.switchboard.crmbridge.helpdeskevent;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One helpdesk event webhook, read from its wire format.
 */
public sealed interface HelpdeskActivity {

	/** A comment was added to a ticket. */
	record CommentAdded(String eventId, String ticketId, Instant time, @Nullable String ticketUpdatedAt,
			String commentId, String body, boolean publicComment, String authorId,
			@Nullable String authorName) implements HelpdeskActivity {
	}

	/** A ticket's status changed (statuses in lower case). */
	record StatusChange(String eventId, String ticketId, Instant time, @Nullable String ticketUpdatedAt,
			@Nullable String previous, String current, @Nullable String actorId) implements HelpdeskActivity {
	}

	/**
	 * A ticket was created, or its subject or description changed. Subject and
	 * description are what the event says the ticket holds now; {@code null} when it does
	 * not say (the ticket is then read).
	 *
	 * @param change {@code created}, {@code subject-changed} or
	 * {@code description-changed}
	 */
	record ContentChange(String eventId, String ticketId, Instant time, @Nullable String ticketUpdatedAt, String change,
			@Nullable String subject, @Nullable String description,
			@Nullable String status) implements HelpdeskActivity {
	}

	/** An event type Switchboard does not act on. */
	record Other(String eventId, String type) implements HelpdeskActivity {
	}

}
