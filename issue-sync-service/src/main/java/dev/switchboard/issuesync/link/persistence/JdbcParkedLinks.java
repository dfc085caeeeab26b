package dev.switchboard.issuesync.link.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.switchboard.issuesync.link.Cause;
import dev.switchboard.issuesync.link.ParkedLinks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code parked_link}: link requests waiting for a rate limit, due at
 * {@code next_attempt_at}.
 */
@Repository
class JdbcParkedLinks implements ParkedLinks {

	private final JdbcClient jdbc;

	JdbcParkedLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void park(ParkedLink link) {
		this.jdbc.sql("""
				insert into parked_link (id, ticket_id, issue_url, cause_key, correlation_id, caused_at,
				    next_attempt_at, attempts, reason)
				values (?, ?, ?, ?, ?, ?, ?, 0, ?) on conflict do nothing
				""")
			.params(link.id(), link.ticketId(), link.issueUrl(), link.cause().key(), link.cause().correlationId(),
					Timestamp.from(link.cause().at()), Timestamp.from(link.nextAttemptAt()), link.reason())
			.update();
	}

	@Override
	public List<ParkedLink> due(Instant now, int limit) {
		return this.jdbc
			.sql("select * from parked_link where next_attempt_at <= ? order by next_attempt_at fetch first " + limit
					+ " rows only for update")
			.params(Timestamp.from(now))
			.query(JdbcParkedLinks::parked)
			.list();
	}

	@Override
	public void done(UUID id) {
		this.jdbc.sql("delete from parked_link where id = ?").params(id).update();
	}

	@Override
	public void postpone(UUID id, Instant until, String reason) {
		this.jdbc.sql("update parked_link set next_attempt_at = ?, attempts = attempts + 1, reason = ? where id = ?")
			.params(Timestamp.from(until), reason, id)
			.update();
	}

	private static ParkedLink parked(ResultSet rs, int row) throws SQLException {
		return new ParkedLink(rs.getObject("id", UUID.class), rs.getString("ticket_id"), rs.getString("issue_url"),
				new Cause(rs.getString("cause_key"), rs.getString("correlation_id"),
						rs.getTimestamp("caused_at").toInstant()),
				rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("reason"));
	}

}
