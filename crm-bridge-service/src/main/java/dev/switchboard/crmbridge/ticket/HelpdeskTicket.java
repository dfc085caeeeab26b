package dev.switchboard.crmbridge.ticket;

import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * A ticket as read from the helpdesk: what a safe update needs.
 *
 * @param updatedStamp the ticket's {@code updated_at}, sent back as {@code updated_stamp}
 * @param subject the ticket's subject, if it has one
 * @param description the ticket's description (its first comment), if it has one
 */
public record HelpdeskTicket(String id, String status, String updatedStamp, @Nullable String requesterId,
		@Nullable String subject, @Nullable String description) {

	public HelpdeskTicket {
		requireNonNull(id, "id");
		requireNonNull(status, "status");
		requireNonNull(updatedStamp, "updatedStamp");
	}

	/** A closed ticket cannot be updated; only a follow-up can. */
	public boolean closed() {
		return "closed".equalsIgnoreCase(this.status);
	}

	/** new, open, pending or hold. */
	public boolean unsolved() {
		return !this.closed() && !"solved".equalsIgnoreCase(this.status);
	}

}
