package dev.switchboard.crmbridge.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.switchboard.contracts.TicketCommand;
import org.jspecify.annotations.Nullable;

/**
 * {@link PendingCommands} in memory, with the rules of {@code ticket_command}: one row
 * per command id, settled once; tickets are due when {@link InMemoryTicketHistory} has
 * them not parked. {@link #markSent} survives a rollback of the drain's transaction, as
 * its own transaction does.
 */
public final class InMemoryPendingCommands implements PendingCommands {

	private final InMemoryTicketHistory history;

	private Map<UUID, Row> rows = new LinkedHashMap<>();

	private @Nullable Map<UUID, Row> open;

	public InMemoryPendingCommands(InMemoryTicketHistory history) {
		this.history = history;
	}

	@Override
	public boolean addIfAbsent(TicketCommand command, Instant receivedAt, @Nullable String sender) {
		if (this.rows.containsKey(command.commandId())) {
			return false;
		}
		this.rows.put(command.commandId(), new Row(command, "pending", receivedAt, null, null, null, 0, false));
		this.history.ensureRow(command.ticketId());
		return true;
	}

	@Override
	public List<String> ticketsDue(Instant now, Instant receivedBy, int limit) {
		return this.rows.values()
			.stream()
			.filter((row) -> row.state().equals("pending") && !row.receivedAt().isAfter(receivedBy))
			.map((row) -> row.command().ticketId())
			.distinct()
			.filter((ticketId) -> {
				Instant notBefore = this.history.notBefore(ticketId);
				return notBefore == null || !notBefore.isAfter(now);
			})
			.limit(limit)
			.toList();
	}

	@Override
	public List<TicketCommand> pendingFor(String ticketId) {
		return pendingRows(ticketId).map(Row::command).toList();
	}

	@Override
	public List<TicketCommand> pendingFor(String ticketId, Instant receivedBy) {
		return pendingRows(ticketId).filter((row) -> !row.receivedAt().isAfter(receivedBy)).map(Row::command).toList();
	}

	@Override
	public void markSent(Collection<UUID> commandIds, Instant at) {
		sent(this.rows, commandIds, at);
		if (this.open != null) {
			// a transaction of its own: committed whatever becomes of the caller's
			sent(this.open, commandIds, at);
		}
	}

	@Override
	public Set<UUID> sentBefore(String ticketId) {
		return pendingRows(ticketId).filter((row) -> row.sentAt() != null)
			.map((row) -> row.command().commandId())
			.collect(Collectors.toSet());
	}

	@Override
	public void markApplied(Collection<UUID> commandIds, String appliedTo, Instant at) {
		settle(commandIds, "applied", appliedTo, null);
	}

	@Override
	public void markFoundOnTicket(Collection<UUID> commandIds, String appliedTo, Instant at) {
		for (UUID id : commandIds) {
			Row row = this.rows.get(id);
			if (row != null && row.state().equals("pending")) {
				this.rows.put(id, new Row(row.command(), "applied", row.receivedAt(), row.sentAt(), appliedTo, null,
						row.failures(), true));
			}
		}
	}

	@Override
	public void recordFailure(Collection<UUID> commandIds, String failure, Instant at) {
		for (UUID id : commandIds) {
			Row row = this.rows.get(id);
			if (row != null && row.state().equals("pending")) {
				this.rows.put(id, new Row(row.command(), row.state(), row.receivedAt(), row.sentAt(), row.appliedTo(),
						row.reason(), row.failures() + 1, row.foundOnTicket()));
			}
		}
	}

	@Override
	public void markDropped(UUID commandId, String reason, Instant at) {
		settle(List.of(commandId), "dropped", null, reason);
	}

	@Override
	public void markDeadLettered(Collection<UUID> commandIds, String reason, Instant at) {
		settle(commandIds, "dead-lettered", null, reason);
	}

	@Override
	public String stateOf(UUID commandId) {
		Row row = this.rows.get(commandId);
		return (row != null) ? row.state() : "unknown";
	}

	/** The ticket the command was applied to, or null. */
	public @Nullable String appliedTo(UUID commandId) {
		Row row = this.rows.get(commandId);
		return (row != null) ? row.appliedTo() : null;
	}

	/** Why the command was dropped or dead-lettered, or null. */
	public @Nullable String reason(UUID commandId) {
		Row row = this.rows.get(commandId);
		return (row != null) ? row.reason() : null;
	}

	/** How many failed attempts were recorded for the command. */
	public int failures(UUID commandId) {
		Row row = this.rows.get(commandId);
		return (row != null) ? row.failures() : 0;
	}

	/** Whether the command was settled because its marker was found on the ticket. */
	public boolean foundOnTicket(UUID commandId) {
		Row row = this.rows.get(commandId);
		return row != null && row.foundOnTicket();
	}

	/** Every stored command, in the order received. */
	public List<TicketCommand> all() {
		return this.rows.values().stream().map(Row::command).toList();
	}

	void begin() {
		this.open = new LinkedHashMap<>(this.rows);
	}

	void commit() {
		this.open = null;
	}

	void rollback() {
		if (this.open != null) {
			this.rows = this.open;
			this.open = null;
		}
	}

	private java.util.stream.Stream<Row> pendingRows(String ticketId) {
		return this.rows.values()
			.stream()
			.filter((row) -> row.state().equals("pending") && row.command().ticketId().equals(ticketId))
			.sorted(Comparator.comparing((Row row) -> row.command().causedAt())
				.thenComparing(Row::receivedAt)
				.thenComparing((row) -> row.command().commandId()));
	}

	private void settle(Collection<UUID> commandIds, String state, @Nullable String appliedTo,
			@Nullable String reason) {
		for (UUID id : commandIds) {
			Row row = this.rows.get(id);
			if (row != null && row.state().equals("pending")) {
				this.rows.put(id, new Row(row.command(), state, row.receivedAt(), row.sentAt(), appliedTo, reason,
						row.failures(), row.foundOnTicket()));
			}
		}
	}

	private static void sent(Map<UUID, Row> rows, Collection<UUID> commandIds, Instant at) {
		for (UUID id : commandIds) {
			Row row = rows.get(id);
			if (row != null && row.state().equals("pending")) {
				rows.put(id, new Row(row.command(), row.state(), row.receivedAt(), at, row.appliedTo(), row.reason(),
						row.failures(), row.foundOnTicket()));
			}
		}
	}

	private record Row(TicketCommand command, String state, Instant receivedAt, @Nullable Instant sentAt,
			@Nullable String appliedTo, @Nullable String reason, int failures, boolean foundOnTicket) {
	}

}
