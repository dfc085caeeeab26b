package dev.switchboard.crmbridge.ticket.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.crmbridge.ticket.CommandLedger;
import dev.switchboard.crmbridge.ticket.RecordedCommand;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code ticket_command} read back, with its ticket's parking from {@code ticket_state};
 * by ticket through the indexes {@code ticket_command_ticket} and
 * {@code ticket_command_applied_to}, by id through the primary key.
 */
@Repository
class JdbcCommandLedger implements CommandLedger {

	private static final String COLUMNS = """
			select c.payload, c.sender, c.received_at, c.state, c.sent_at, c.settled_at, c.applied_to, c.reason,
			       c.failed_attempts, c.last_failure, c.last_failed_at, c.found_on_ticket, s.not_before
			from ticket_command c left join ticket_state s on s.ticket_id = c.ticket_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcCommandLedger(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public List<RecordedCommand> forTicket(String ticketId, int limit) {
		return this.jdbc.sql(COLUMNS + """
				where c.ticket_id = :ticketId or c.applied_to = :ticketId
				order by c.received_at, c.caused_at, c.command_id limit :limit
				""").param("ticketId", ticketId).param("limit", limit).query(this::command).list();
	}

	@Override
	public List<RecordedCommand> withIds(Collection<UUID> commandIds) {
		if (commandIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(COLUMNS + """
				where c.command_id in (:ids)
				order by c.received_at, c.caused_at, c.command_id
				""").param("ids", commandIds).query(this::command).list();
	}

	private RecordedCommand command(ResultSet rs, int row) throws SQLException {
		return new RecordedCommand(this.json.readValue(rs.getString("payload"), TicketCommand.class),
				rs.getString("sender"),
				Objects.requireNonNull(instant(rs, "received_at"), "ticket_command.received_at is not null"),
				rs.getString("state"), instant(rs, "sent_at"), instant(rs, "settled_at"), rs.getString("applied_to"),
				rs.getString("reason"), rs.getInt("failed_attempts"), rs.getString("last_failure"),
				instant(rs, "last_failed_at"), rs.getBoolean("found_on_ticket"), instant(rs, "not_before"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
