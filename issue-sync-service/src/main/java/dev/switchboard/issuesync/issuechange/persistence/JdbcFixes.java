package dev.switchboard.issuesync.issuechange.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.switchboard.issuesync.issuechange.Fixes;
import dev.switchboard.issuesync.issuechange.IssueFix;
import dev.switchboard.issuesync.link.Cause;
import dev.switchboard.issuesync.tracker.Tracker;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code issue_fix} and {@code pending_close_note}. */
@Repository
class JdbcFixes implements Fixes {

	private final JdbcClient jdbc;

	JdbcFixes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(Tracker tracker, String issueId, IssueFix fix) {
		this.jdbc.sql("""
				insert into issue_fix (tracker, issue_id, pull_request, title, url, merged_by, merged_at)
				values (:tracker, :issueId, :pullRequest, :title, :url, :mergedBy, :mergedAt) on conflict do nothing
				""")
			.param("tracker", tracker.id())
			.param("issueId", issueId)
			.param("pullRequest", fix.pullRequest())
			.param("title", fix.title())
			.param("url", fix.url())
			.param("mergedBy", fix.mergedBy())
			.param("mergedAt", Timestamp.from(fix.mergedAt()))
			.update();
	}

	@Override
	public List<IssueFix> of(Tracker tracker, String issueId) {
		return this.jdbc
			.sql("select pull_request, title, url, merged_by, merged_at from issue_fix where tracker = ? "
					+ "and issue_id = ? order by merged_at, pull_request")
			.params(tracker.id(), issueId)
			.query((rs, row) -> new IssueFix(rs.getString("pull_request"), rs.getString("title"), rs.getString("url"),
					rs.getString("merged_by"), rs.getTimestamp("merged_at").toInstant()))
			.list();
	}

	@Override
	public List<String> closedBy(Tracker tracker, String pullRequest) {
		return this.jdbc
			.sql("select issue_id from issue_fix where tracker = ? and lower(pull_request) = ? order by issue_id")
			.params(tracker.id(), pullRequest.toLowerCase(Locale.ROOT))
			.query((rs, row) -> rs.getString("issue_id")) // not null in the schema
			.list();
	}

	@Override
	public void hold(Tracker tracker, String issueId, HeldNote note) {
		this.jdbc.sql("delete from pending_close_note where tracker = ? and issue_id = ?")
			.params(tracker.id(), issueId)
			.update();
		this.jdbc.sql("""
				insert into pending_close_note (tracker, issue_id, cause_key, correlation_id, caused_at, body, due_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(tracker.id(), issueId, note.cause().key(), note.cause().correlationId(),
					Timestamp.from(note.cause().at()), note.body(), Timestamp.from(note.dueAt()))
			.update();
	}

	@Override
	public boolean claimShippedNotice(Tracker tracker, String issueId, String ticketId, String releaseKey, Instant at) {
		this.jdbc.sql("""
				insert into fix_shipped_notice (tracker, issue_id, ticket_id, release_key, noticed_at)
				values (?, ?, ?, ?, ?) on conflict do nothing
				""").params(tracker.id(), issueId, ticketId, releaseKey, Timestamp.from(at)).update();
		return releaseKey.equals(this.jdbc
			.sql("select release_key from fix_shipped_notice where tracker = ? and issue_id = ? and ticket_id = ?")
			.params(tracker.id(), issueId, ticketId)
			.query(String.class)
			.single());
	}

	@Override
	public boolean held(Tracker tracker, String issueId) {
		return this.jdbc.sql("select count(*) from pending_close_note where tracker = ? and issue_id = ?")
			.params(tracker.id(), issueId)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public Optional<HeldNote> take(Tracker tracker, String issueId) {
		Optional<HeldNote> held = this.jdbc
			.sql("select cause_key, correlation_id, caused_at, body, due_at from pending_close_note "
					+ "where tracker = ? and issue_id = ? for update")
			.params(tracker.id(), issueId)
			.query((rs, row) -> new HeldNote(
					new Cause(rs.getString("cause_key"), rs.getString("correlation_id"),
							rs.getTimestamp("caused_at").toInstant()),
					rs.getString("body"), rs.getTimestamp("due_at").toInstant()))
			.optional();
		held.ifPresent((note) -> this.jdbc.sql("delete from pending_close_note where tracker = ? and issue_id = ?")
			.params(tracker.id(), issueId)
			.update());
		return held;
	}

	@Override
	public List<String[]> due(Instant now, int limit) {
		return this.jdbc
			.sql("select tracker, issue_id from pending_close_note where due_at <= ? order by due_at fetch first "
					+ limit + " rows only")
			.params(Timestamp.from(now))
			.query((rs, row) -> new String[] { rs.getString("tracker"), rs.getString("issue_id") })
			.list();
	}

}
