package dev.switchboard.crmbridge.ticket;

import java.time.Instant;

import dev.switchboard.contracts.TicketCommand;
import org.jspecify.annotations.Nullable;

/**
 * A command as the ledger ({@code ticket_command}) keeps it: when it came, from whom, and
 * what became of it so far.
 *
 * @param sender the service that sent it, null when its message did not say
 * @param state {@code pending}, {@code applied}, {@code dropped} or {@code dead-lettered}
 * @param sentAt when an update carrying it was last sent (its outcome unknown until
 * settled)
 * @param settledAt when it was applied, dropped or dead-lettered
 * @param appliedTo the ticket it was applied to: its own, or the follow-up of a closed
 * one
 * @param reason why it was dropped or dead-lettered
 * @param failedAttempts failed attempts to apply it (429, 5xx, timeouts, 409,
 * credentials)
 * @param lastFailure the last failed attempt's reason
 * @param lastFailedAt when that attempt failed
 * @param foundOnTicket settled as applied because its marker was found on the ticket
 * @param notBefore until when its ticket is parked (for a pending command)
 */
public record RecordedCommand(TicketCommand command, @Nullable String sender, Instant receivedAt, String state,
		@Nullable Instant sentAt, @Nullable Instant settledAt, @Nullable String appliedTo, @Nullable String reason,
		int failedAttempts, @Nullable String lastFailure, @Nullable Instant lastFailedAt, boolean foundOnTicket,
		@Nullable Instant notBefore) {

	public static final String PENDING = "pending";

	public static final String APPLIED = "applied";

	public static final String DROPPED = "dropped";

	public static final String DEAD_LETTERED = "dead-lettered";

	/** The command's kind, as the contract names its record: {@code AddInternalNote}. */
	public String type() {
		return this.command.getClass().getSimpleName();
	}

}
