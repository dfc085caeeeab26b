package dev.switchboard.crmbridge.ticket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What Switchboard remembers about one ticket, read under its row lock. */
public record TicketState(String ticketId, int failedAttempts, @Nullable String followUpTicketId,
		boolean followUpAnnounced, @Nullable Instant lastExternalStatusAt, @Nullable Instant lastStatusEventAt) {

	/** Where commands for this ticket go: its follow-up once it was closed. */
	public String target() {
		return (this.followUpTicketId != null) ? this.followUpTicketId : this.ticketId;
	}

}
