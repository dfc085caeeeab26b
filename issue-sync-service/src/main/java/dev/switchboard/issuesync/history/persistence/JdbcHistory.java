package dev.switchboard.issuesync.history.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.switchboard.issuesync.history.History;
import dev.switchboard.issuesync.history.HistoryEntry;
import dev.switchboard.issuesync.tracker.Tracker;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code history_entry}: written in batches (a close of an issue linked to many tickets
 * records a note and a reopen per ticket), read by ticket or by issue through their
 * indexes, ordered by time and, within one instant, by the order written ({@code seq}).
 */
@Repository
class JdbcHistory implements History {

	private static final String COLUMNS = "id, at, ticket_id, tracker, issue_id, issue_key, kind, summary, outcome, ref";

	private static final String SELECT = "select seq, " + COLUMNS + " from history_entry ";

	private static final String LINK_KINDS = "('" + HistoryEntry.Kind.LINK_CREATED.word() + "', '"
			+ HistoryEntry.Kind.LINK_REMOVED.word() + "', '" + HistoryEntry.Kind.LINK_MOVED.word() + "')";

	/**
	 * The id as the driver's own UUID; nullable columns typed, so that a null is bound as
	 * one.
	 */
	private static final int[] TYPES = { SqlTypeValue.TYPE_UNKNOWN, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR };

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	JdbcHistory(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	@Override
	public void record(List<HistoryEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (HistoryEntry entry : entries) {
			rows.add(new Object[] { entry.id(), Timestamp.from(entry.at()), entry.ticketId(), entry.tracker().id(),
					entry.issueId(), entry.issueKey(), entry.kind().word(), entry.summary(),
					entry.outcome().name().toLowerCase(Locale.ROOT), entry.ref() });
		}
		this.batch.batchUpdate("insert into history_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
				+ "on conflict do nothing", rows, TYPES);
	}

	@Override
	public List<HistoryEntry> linkEntriesOfTicket(String ticketId) {
		return this.jdbc.sql(SELECT + "where ticket_id = ? and kind in " + LINK_KINDS + " order by at, seq")
			.params(ticketId)
			.query(JdbcHistory::entry)
			.list();
	}

	@Override
	public List<HistoryEntry> ofTicket(String ticketId, List<Span> spans, int limit) {
		StringBuilder sql = new StringBuilder("select * from (").append(SELECT).append("where ticket_id = :ticketId");
		for (int i = 0; i < spans.size(); i++) {
			sql.append(" union all ")
				.append(SELECT)
				.append("where ticket_id is null and tracker = :tracker")
				.append(i)
				.append(" and issue_id = :issue")
				.append(i)
				.append(" and at >= :from")
				.append(i);
			if (spans.get(i).to() != null) {
				sql.append(" and at <= :to").append(i);
			}
		}
		sql.append(") e order by at, seq fetch first ").append(limit).append(" rows only");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("ticketId", ticketId);
		for (int i = 0; i < spans.size(); i++) {
			Span span = spans.get(i);
			statement = statement.param("tracker" + i, span.tracker().id())
				.param("issue" + i, span.issueId())
				.param("from" + i, Timestamp.from(span.from()));
			Instant to = span.to();
			if (to != null) {
				statement = statement.param("to" + i, Timestamp.from(to));
			}
		}
		return statement.query(JdbcHistory::entry).list();
	}

	@Override
	public List<HistoryEntry> ofIssue(Tracker tracker, @Nullable String issueId, String issueKey, int limit) {
		String byKey = SELECT + "where tracker = :tracker and issue_id is null and issue_key = :key";
		String sql = (issueId != null) ? SELECT + "where tracker = :tracker and issue_id = :issueId union all " + byKey
				: byKey;
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("select * from (" + sql + ") e order by at, seq fetch first " + limit + " rows only")
			.param("tracker", tracker.id())
			.param("key", issueKey);
		if (issueId != null) {
			statement = statement.param("issueId", issueId);
		}
		return statement.query(JdbcHistory::entry).list();
	}

	private static HistoryEntry entry(ResultSet rs, int row) throws SQLException {
		return new HistoryEntry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
				rs.getString("ticket_id"), Tracker.byId(rs.getString("tracker")), rs.getString("issue_id"),
				rs.getString("issue_key"), HistoryEntry.Kind.byWord(rs.getString("kind")), rs.getString("summary"),
				HistoryEntry.Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)), rs.getString("ref"));
	}

}
