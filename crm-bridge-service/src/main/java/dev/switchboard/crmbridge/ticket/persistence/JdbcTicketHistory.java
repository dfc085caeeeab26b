package dev.switchboard.crmbridge.ticket.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.switchboard.crmbridge.ticket.FollowUp;
import dev.switchboard.crmbridge.ticket.TicketHistory;
import dev.switchboard.crmbridge.ticket.TicketState;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code ticket_state} (one row per ticket, the lock) and {@code ticket_write}. */
@Repository
class JdbcTicketHistory implements TicketHistory {

	private final JdbcClient jdbc;

	JdbcTicketHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public TicketState lock(String ticketId) {
		this.jdbc.sql("insert into ticket_state (ticket_id) values (?) on conflict do nothing")
			.param(ticketId)
			.update();
		return this.jdbc.sql("""
				select ticket_id, failed_attempts, follow_up_ticket_id, follow_up_announced,
				       last_external_status_at, last_status_event_at
				from ticket_state where ticket_id = ? for update
				""").param(ticketId).query(JdbcTicketHistory::state).single();
	}

	@Override
	public void park(String ticketId, Instant until) {
		this.jdbc.sql("update ticket_state set not_before = ? where ticket_id = ?")
			.params(Timestamp.from(until), ticketId)
			.update();
	}

	@Override
	public int failed(String ticketId) {
		this.jdbc.sql("update ticket_state set failed_attempts = failed_attempts + 1 where ticket_id = ?")
			.param(ticketId)
			.update();
		return this.jdbc.sql("select failed_attempts from ticket_state where ticket_id = ?")
			.param(ticketId)
			.query(Integer.class)
			.single();
	}

	@Override
	public void succeeded(String ticketId) {
		this.jdbc.sql("update ticket_state set failed_attempts = 0, not_before = null where ticket_id = ?")
			.param(ticketId)
			.update();
	}

	@Override
	public void rememberFollowUp(String ticketId, String followUpTicketId, Instant at) {
		this.jdbc.sql("""
				update ticket_state set follow_up_ticket_id = ?, follow_up_announced = false, followed_up_at = ?,
				    follow_up_announced_at = null
				where ticket_id = ?
				""").params(followUpTicketId, Timestamp.from(at), ticketId).update();
	}

	@Override
	public void followUpAnnounced(String ticketId, Instant at) {
		this.jdbc
			.sql("update ticket_state set follow_up_announced = true, follow_up_announced_at = ? where ticket_id = ?")
			.params(Timestamp.from(at), ticketId)
			.update();
	}

	@Override
	public List<FollowUp> followUpsOf(String ticketId) {
		return this.jdbc.sql("""
				select ticket_id, follow_up_ticket_id, followed_up_at, follow_up_announced, follow_up_announced_at
				from ticket_state
				where follow_up_ticket_id is not null and (ticket_id = :ticketId or follow_up_ticket_id = :ticketId)
				""")
			.param("ticketId", ticketId)
			.query((rs, row) -> new FollowUp(rs.getString("ticket_id"), rs.getString("follow_up_ticket_id"),
					instant(rs.getTimestamp("followed_up_at")), rs.getBoolean("follow_up_announced"),
					instant(rs.getTimestamp("follow_up_announced_at"))))
			.list();
	}

	@Override
	public List<String> unannouncedFollowUps() {
		return this.jdbc
			.sql("select ticket_id from ticket_state where follow_up_ticket_id is not null and not follow_up_announced")
			.query(String.class)
			.list()
			.stream()
			.map((ticketId) -> Objects.requireNonNull(ticketId, "ticket_state.ticket_id is the primary key"))
			.toList();
	}

	@Override
	public void recordWrite(String ticketId, Instant at, String updatedStamp) {
		this.jdbc.sql("insert into ticket_write (ticket_id, written_at, updated_stamp) values (?, ?, ?)")
			.params(ticketId, Timestamp.from(at), updatedStamp)
			.update();
	}

	@Override
	public List<Instant> writesSince(String ticketId, Instant since) {
		return this.jdbc
			.sql("select written_at from ticket_write where ticket_id = ? and written_at > ? order by written_at")
			.params(ticketId, Timestamp.from(since))
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.list();
	}

	@Override
	public boolean isOwnWrite(String ticketId, String updatedStamp) {
		return this.jdbc.sql("select count(*) from ticket_write where ticket_id = ? and updated_stamp = ?")
			.params(ticketId, updatedStamp)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public boolean statusEventSeen(String ticketId, Instant occurredAt, boolean bySwitchboard) {
		TicketState state = lock(ticketId);
		Instant last = state.lastStatusEventAt();
		if (last != null && occurredAt.isBefore(last)) {
			return false;
		}
		this.jdbc.sql("update ticket_state set last_status_event_at = ? where ticket_id = ?")
			.params(Timestamp.from(occurredAt), ticketId)
			.update();
		if (!bySwitchboard) {
			this.jdbc.sql("""
					update ticket_state set last_external_status_at = ?
					where ticket_id = ? and (last_external_status_at is null or last_external_status_at < ?)
					""").params(Timestamp.from(occurredAt), ticketId, Timestamp.from(occurredAt)).update();
		}
		return true;
	}

	@Override
	public boolean contentEventSeen(String ticketId, Instant occurredAt) {
		lock(ticketId);
		return this.jdbc.sql("""
				update ticket_state set last_content_event_at = ?
				where ticket_id = ? and (last_content_event_at is null or last_content_event_at <= ?)
				""").params(Timestamp.from(occurredAt), ticketId, Timestamp.from(occurredAt)).update() == 1;
	}

	private static TicketState state(ResultSet rs, int row) throws SQLException {
		return new TicketState(rs.getString("ticket_id"), rs.getInt("failed_attempts"),
				rs.getString("follow_up_ticket_id"), rs.getBoolean("follow_up_announced"),
				instant(rs.getTimestamp("last_external_status_at")), instant(rs.getTimestamp("last_status_event_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
