package dev.switchboard.crmbridge.ticket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A closed ticket and the follow-up its later commands went to.
 *
 * @param createdAt when the follow-up was created (null: before this was recorded)
 * @param announced whether {@code TicketFollowedUp} was published
 * @param announcedAt when it was (null: not yet, or before this was recorded)
 */
public record FollowUp(String ticketId, String followUpTicketId, @Nullable Instant createdAt, boolean announced,
		@Nullable Instant announcedAt) {

}
