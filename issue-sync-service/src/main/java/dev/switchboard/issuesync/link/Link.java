package dev.switchboard.issuesync.link;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.switchboard.issuesync.tracker.Tracker;

/** A ticket linked to an issue, keyed by ticket id and the tracker's issue id. */
public record Link(UUID id, String ticketId, Tracker tracker, String issueId, Instant createdAt) {

	public Link {
		if (ticketId.isBlank() || issueId.isBlank()) {
			throw new IllegalArgumentException("a link needs a ticket and an issue");
		}
	}

	/** The id of the link between this ticket and issue: the same pair, the same id. */
	public static UUID idOf(String ticketId, Tracker tracker, String issueId) {
		return UUID.nameUUIDFromBytes(
				("link|" + ticketId + "|" + tracker.id() + "|" + issueId).getBytes(StandardCharsets.UTF_8));
	}

	public static Link of(String ticketId, Tracker tracker, String issueId, Instant createdAt) {
		return new Link(idOf(ticketId, tracker, issueId), ticketId, tracker, issueId, createdAt);
	}

}
