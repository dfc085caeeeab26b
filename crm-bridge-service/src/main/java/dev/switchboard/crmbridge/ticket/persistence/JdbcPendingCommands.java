package dev.switchboard.crmbridge.ticket.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.crmbridge.ticket.PendingCommands;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code ticket_command}: the ledger (primary key {@code command_id}, inserted
 * {@code ON CONFLICT DO NOTHING}) and the pending queue, the command kept as its JSON.
 */
@Repository
class JdbcPendingCommands implements PendingCommands {

	private static final String PENDING = "pending";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcPendingCommands(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public boolean addIfAbsent(TicketCommand command, Instant receivedAt, @Nullable String sender) {
		int inserted = this.jdbc
			.sql("""
					insert into ticket_command
					    (command_id, ticket_id, command_type, caused_at, correlation_id, payload, state, received_at, sender)
					values (:commandId, :ticketId, :type, :causedAt, :correlationId, :payload, 'pending', :receivedAt,
					    :sender)
					on conflict do nothing
					""")
			.param("commandId", command.commandId())
			.param("ticketId", command.ticketId())
			.param("type", command.getClass().getSimpleName())
			.param("causedAt", Timestamp.from(command.causedAt()))
			.param("correlationId", command.correlationId())
			.param("payload", this.json.writerFor(TicketCommand.class).writeValueAsString(command))
			.param("receivedAt", Timestamp.from(receivedAt))
			.param("sender", sender)
			.update();
		if (inserted == 1) {
			this.jdbc.sql("insert into ticket_state (ticket_id) values (?) on conflict do nothing")
				.param(command.ticketId())
				.update();
		}
		return inserted == 1;
	}

	@Override
	public List<String> ticketsDue(Instant now, Instant receivedBy, int limit) {
		return this.jdbc.sql("""
				select s.ticket_id from ticket_state s
				where (s.not_before is null or s.not_before <= :now)
				  and exists (select 1 from ticket_command c where c.state = 'pending' and c.ticket_id = s.ticket_id
				              and c.received_at <= :receivedBy)
				order by s.not_before nulls first, s.ticket_id
				limit :limit
				""")
			.param("now", Timestamp.from(now))
			.param("receivedBy", Timestamp.from(receivedBy))
			.param("limit", limit)
			.query(String.class)
			.list()
			.stream()
			.map((ticketId) -> Objects.requireNonNull(ticketId, "ticket_state.ticket_id is the primary key"))
			.toList();
	}

	@Override
	public List<TicketCommand> pendingFor(String ticketId) {
		return this.jdbc
			.sql("select payload from ticket_command where state = 'pending' and ticket_id = ? "
					+ "order by caused_at, received_at, command_id")
			.param(ticketId)
			.query(String.class)
			.list()
			.stream()
			.map((payload) -> this.json.readValue(payload, TicketCommand.class))
			.toList();
	}

	@Override
	public List<TicketCommand> pendingFor(String ticketId, Instant receivedBy) {
		return this.jdbc
			.sql("select payload from ticket_command where state = 'pending' and ticket_id = ? and received_at <= ? "
					+ "order by caused_at, received_at, command_id")
			.params(ticketId, Timestamp.from(receivedBy))
			.query(String.class)
			.list()
			.stream()
			.map((payload) -> this.json.readValue(payload, TicketCommand.class))
			.toList();
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void markSent(Collection<UUID> commandIds, Instant at) {
		if (commandIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("update ticket_command set sent_at = :at where command_id in (:ids) and state = :pending")
			.param("at", Timestamp.from(at))
			.param("ids", commandIds)
			.param("pending", PENDING)
			.update();
	}

	@Override
	public Set<UUID> sentBefore(String ticketId) {
		return new HashSet<>(this.jdbc.sql(
				"select command_id from ticket_command where state = 'pending' and ticket_id = ? and sent_at is not null")
			.param(ticketId)
			.query(UUID.class)
			.list());
	}

	@Override
	public void markApplied(Collection<UUID> commandIds, String appliedTo, Instant at) {
		settle(commandIds, "applied", appliedTo, null, at, false);
	}

	@Override
	public void markFoundOnTicket(Collection<UUID> commandIds, String appliedTo, Instant at) {
		settle(commandIds, "applied", appliedTo, null, at, true);
	}

	@Override
	public void recordFailure(Collection<UUID> commandIds, String failure, Instant at) {
		if (commandIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update ticket_command set failed_attempts = failed_attempts + 1, last_failure = :failure,
				    last_failed_at = :at
				where command_id in (:ids) and state = :pending
				""")
			.param("failure", cut(failure))
			.param("at", Timestamp.from(at))
			.param("ids", commandIds)
			.param("pending", PENDING)
			.update();
	}

	@Override
	public void markDropped(UUID commandId, String reason, Instant at) {
		settle(List.of(commandId), "dropped", null, reason, at, false);
	}

	@Override
	public void markDeadLettered(Collection<UUID> commandIds, String reason, Instant at) {
		settle(commandIds, "dead-lettered", null, reason, at, false);
	}

	@Override
	public String stateOf(UUID commandId) {
		return this.jdbc.sql("select state from ticket_command where command_id = ?")
			.param(commandId)
			.query(String.class)
			.optional()
			.orElse("unknown");
	}

	private void settle(Collection<UUID> commandIds, String state, @Nullable String appliedTo, @Nullable String reason,
			Instant at, boolean foundOnTicket) {
		if (commandIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update ticket_command set state = :state, applied_to = :appliedTo, reason = :reason, settled_at = :at,
				    found_on_ticket = :found
				where command_id in (:ids) and state = :pending
				""")
			.param("state", state)
			.param("found", foundOnTicket)
			.param("appliedTo", appliedTo)
			.param("reason", (reason != null) ? cut(reason) : null)
			.param("at", Timestamp.from(at))
			.param("ids", commandIds)
			.param("pending", PENDING)
			.update();
	}

	private static String cut(String reason) {
		return (reason.length() > 500) ? reason.substring(0, 500) : reason;
	}

}
