package dev.switchboard.statuspage.posting.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.switchboard.statuspage.posting.PostHistory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code delivery} with its update and any {@code post_intent}, by the incident's
 * code ({@code incident_update (incident_code)}, {@code delivery (update_id)}).
 */
@Repository
class JdbcPostHistory implements PostHistory {

	private final JdbcClient jdbc;

	JdbcPostHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PostRecord> ofIncident(String incidentCode, int limit) {
		return this.jdbc.sql("""
				select d.seq, d.subscription_id, u.feed_id, u.status, u.change_type, d.state, d.attempts, d.last_error,
				    d.created_at, d.sent_at, d.last_attempt_at, p.kind as intent_kind, p.state as intent_state,
				    p.recorded_at as intent_at
				from incident_update u
				join delivery d on d.update_id = u.id
				left join post_intent p on p.delivery_seq = d.seq
				where u.incident_code = :code
				order by d.created_at, d.seq limit :limit
				""").param("code", incidentCode).param("limit", limit).query(JdbcPostHistory::record).list();
	}

	private static PostRecord record(ResultSet rs, int row) throws SQLException {
		Timestamp intentAt = rs.getTimestamp("intent_at");
		Intent intent = (intentAt != null)
				? new Intent(rs.getString("intent_kind"), rs.getString("intent_state"), intentAt.toInstant()) : null;
		return new PostRecord(rs.getLong("seq"), rs.getObject("subscription_id", UUID.class),
				rs.getObject("feed_id", UUID.class), rs.getString("status"), rs.getString("change_type"),
				rs.getString("state"), rs.getInt("attempts"), rs.getString("last_error"),
				rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("sent_at")),
				instant(rs.getTimestamp("last_attempt_at")), intent);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
