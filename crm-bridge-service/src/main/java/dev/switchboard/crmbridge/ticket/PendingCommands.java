package dev.switchboard.crmbridge.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.switchboard.contracts.TicketCommand;
import org.jspecify.annotations.Nullable;

/**
 * The command ledger and per-ticket queue: each {@code commandId} is stored once, then
 * settled once (applied, dropped or dead-lettered).
 */
public interface PendingCommands {

	/**
	 * Stores the command as pending unless its id is known already (a database constraint
	 * decides, safe under concurrent redeliveries).
	 * @param sender the service that sent it ({@code ServiceNames}), null when the
	 * message does not say
	 * @return whether it was new
	 */
	boolean addIfAbsent(TicketCommand command, Instant receivedAt, @Nullable String sender);

	/** {@link #addIfAbsent(TicketCommand, Instant, String)} without a known sender. */
	default boolean addIfAbsent(TicketCommand command, Instant receivedAt) {
		return addIfAbsent(command, receivedAt, null);
	}

	/**
	 * Tickets that may be written at {@code now} and have pending commands received by
	 * {@code receivedBy}.
	 */
	List<String> ticketsDue(Instant now, Instant receivedBy, int limit);

	/** The ticket's pending commands in {@code causedAt} order. */
	List<TicketCommand> pendingFor(String ticketId);

	/**
	 * The ticket's pending commands received by {@code receivedBy}, in {@code causedAt}
	 * order.
	 */
	List<TicketCommand> pendingFor(String ticketId, Instant receivedBy);

	/**
	 * Records, in a transaction of its own (it must survive a rollback or a crash of the
	 * caller's), that an update carrying these commands is about to be sent.
	 */
	void markSent(Collection<UUID> commandIds, Instant at);

	/**
	 * The ticket's pending commands that were sent before without their outcome being
	 * recorded: they may be on the ticket already.
	 */
	java.util.Set<UUID> sentBefore(String ticketId);

	void markApplied(Collection<UUID> commandIds, String appliedTo, Instant at);

	/**
	 * Settles as applied commands whose marker was found on the ticket: an earlier update
	 * carrying them was applied, its answer lost; nothing was sent again.
	 */
	void markFoundOnTicket(Collection<UUID> commandIds, String appliedTo, Instant at);

	/**
	 * Counts a failed attempt to apply these pending commands, with its reason (for the
	 * timeline; the ticket's parking and back-off are {@link TicketHistory}'s).
	 */
	void recordFailure(Collection<UUID> commandIds, String failure, Instant at);

	void markDropped(UUID commandId, String reason, Instant at);

	void markDeadLettered(Collection<UUID> commandIds, String reason, Instant at);

	/** How the command was settled, or {@code pending}. */
	String stateOf(UUID commandId);

}
