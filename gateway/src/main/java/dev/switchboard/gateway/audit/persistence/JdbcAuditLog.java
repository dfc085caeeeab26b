package dev.switchboard.gateway.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.switchboard.gateway.audit.AuditEntry;
import dev.switchboard.gateway.audit.AuditLog;
import dev.switchboard.gateway.audit.AuditPage;
import dev.switchboard.gateway.audit.AuditQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code audit_entry}: appended only, read newest first by key and by the start of the
 * action's name.
 */
@Repository
class JdbcAuditLog implements AuditLog {

	private static final String COLUMNS = "id, occurred_at, actor, role, channel, action, target, method, path, status,"
			+ " correlation_id";

	private static final String WHERE = " where (cast(:actor as varchar) is null or actor = :actor)"
			+ " and (cast(:action as varchar) is null or action like :actionPrefix escape '\\')";

	private final JdbcClient jdbc;

	JdbcAuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void append(AuditEntry entry) {
		this.jdbc
			.sql("insert into audit_entry (" + COLUMNS + ") values (:id, :at, :actor, :role, :channel, :action,"
					+ " :target, :method, :path, :status, :correlationId)")
			.param("id", entry.id())
			.param("at", Timestamp.from(entry.at()))
			.param("actor", entry.actor())
			.param("role", entry.role())
			.param("channel", entry.channel())
			.param("action", entry.action())
			.param("target", entry.target())
			.param("method", entry.method())
			.param("path", entry.path())
			.param("status", entry.status())
			.param("correlationId", entry.correlationId())
			.update();
	}

	@Override
	public AuditPage find(AuditQuery query) {
		String prefix = (query.action() != null) ? escapeLike(query.action()) + "%" : null;
		long total = this.jdbc.sql("select count(*) from audit_entry" + WHERE)
			.param("actor", query.actor())
			.param("action", query.action())
			.param("actionPrefix", prefix)
			.query(Long.class)
			.single();
		List<AuditEntry> entries = this.jdbc
			.sql("select " + COLUMNS + " from audit_entry" + WHERE
					+ " order by occurred_at desc, id limit :size offset :offset")
			.param("actor", query.actor())
			.param("action", query.action())
			.param("actionPrefix", prefix)
			.param("size", query.size())
			.param("offset", (long) query.page() * query.size())
			.query(JdbcAuditLog::toEntry)
			.list();
		return new AuditPage(entries, total, query.page(), query.size());
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static AuditEntry toEntry(ResultSet rows, int number) throws SQLException {
		return new AuditEntry(rows.getObject("id", UUID.class), rows.getTimestamp("occurred_at").toInstant(),
				rows.getString("actor"), rows.getString("role"), rows.getString("channel"), rows.getString("action"),
				rows.getString("target"), rows.getString("method"), rows.getString("path"), rows.getInt("status"),
				rows.getString("correlation_id"));
	}

	@Override
	public int purgeOccurredBefore(Instant instant) {
		return this.jdbc.sql("delete from audit_entry where occurred_at < :before")
			.param("before", Timestamp.from(instant))
			.update();
	}

}
