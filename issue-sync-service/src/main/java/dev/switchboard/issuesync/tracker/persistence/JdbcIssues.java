package dev.switchboard.issuesync.tracker.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.Issues;
import dev.switchboard.issuesync.tracker.StateCategory;
import dev.switchboard.issuesync.tracker.Tracker;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code tracked_issue}: one row per followed issue, locked while a change is applied.
 */
@Repository
class JdbcIssues implements Issues {

	private static final String COLUMNS = "tracker, issue_id, issue_key, url, title, state, category, source_updated_at, etag, "
			+ "assignee, status_category";

	private final JdbcClient jdbc;

	JdbcIssues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void saveIfNotOlder(IssueSnapshot issue) {
		int inserted = this.jdbc
			.sql("insert into tracked_issue (" + COLUMNS + ") values "
					+ "(:tracker, :issueId, :key, :url, :title, :state, :category, :updatedAt, :etag, :assignee, "
					+ ":statusCategory) on conflict do nothing")
			.paramSource(params(issue))
			.update();
		if (inserted == 0) {
			lock(issue.tracker(), issue.issueId()).filter((stored) -> !issue.updatedAt().isBefore(stored.updatedAt()))
				.ifPresent((stored) -> save(issue));
		}
	}

	@Override
	public boolean insertIfAbsent(IssueSnapshot issue) {
		return this.jdbc
			.sql("insert into tracked_issue (" + COLUMNS + ") values "
					+ "(:tracker, :issueId, :key, :url, :title, :state, :category, :updatedAt, :etag, :assignee, "
					+ ":statusCategory) on conflict do nothing")
			.paramSource(params(issue))
			.update() == 1;
	}

	@Override
	public Optional<IssueSnapshot> lock(Tracker tracker, String issueId) {
		return this.jdbc.sql("select " + COLUMNS + " from tracked_issue where tracker = ? and issue_id = ? for update")
			.params(tracker.id(), issueId)
			.query(JdbcIssues::snapshot)
			.optional();
	}

	@Override
	public Optional<IssueSnapshot> find(Tracker tracker, String issueId) {
		return this.jdbc.sql("select " + COLUMNS + " from tracked_issue where tracker = ? and issue_id = ?")
			.params(tracker.id(), issueId)
			.query(JdbcIssues::snapshot)
			.optional();
	}

	@Override
	public void save(IssueSnapshot issue) {
		this.jdbc.sql("""
				update tracked_issue set issue_key = :key, url = :url, title = :title, state = :state,
				    category = :category, source_updated_at = :updatedAt, etag = :etag, assignee = :assignee,
				    status_category = :statusCategory
				where tracker = :tracker and issue_id = :issueId
				""").paramSource(params(issue)).update();
	}

	@Override
	public Optional<IssueSnapshot> byKey(Tracker tracker, String key) {
		return this.jdbc
			.sql("select " + COLUMNS + " from tracked_issue where tracker = ? and issue_key = ? "
					+ "and moved_to_issue_id is null order by source_updated_at desc")
			.params(tracker.id(), key)
			.query(JdbcIssues::snapshot)
			.list()
			.stream()
			.findFirst();
	}

	@Override
	public void movedTo(Tracker tracker, String oldIssueId, String newIssueId) {
		this.jdbc.sql("update tracked_issue set moved_to_issue_id = ? where tracker = ? and issue_id = ?")
			.params(newIssueId, tracker.id(), oldIssueId)
			.update();
	}

	@Override
	public List<IssueSnapshot> toReconcile(Instant closedSince) {
		return this.jdbc
			.sql("select " + COLUMNS + " from tracked_issue i where (category = 'OPEN' or source_updated_at >= ?) "
					+ "and moved_to_issue_id is null and exists (select 1 from issue_link l "
					+ "where l.tracker = i.tracker and l.issue_id = i.issue_id) order by source_updated_at")
			.params(Timestamp.from(closedSince))
			.query(JdbcIssues::snapshot)
			.list();
	}

	@Override
	public void reportChanged(Tracker tracker, String issueId) {
		this.jdbc.sql("update tracked_issue set report_dirty = true where tracker = ? and issue_id = ?")
			.params(tracker.id(), issueId)
			.update();
	}

	@Override
	public List<ReportDue> reportsDue(Instant now, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + ", report_comment_id from tracked_issue where report_dirty = true "
					+ "and (report_next_attempt_at is null or report_next_attempt_at <= ?) order by tracker, issue_id "
					+ "fetch first " + limit + " rows only")
			.params(Timestamp.from(now))
			.query((rs, row) -> new ReportDue(snapshot(rs, row), rs.getString("report_comment_id")))
			.list();
	}

	@Override
	public void reportWritten(Tracker tracker, String issueId, String commentId) {
		this.jdbc
			.sql("update tracked_issue set report_dirty = false, report_comment_id = ?, "
					+ "report_next_attempt_at = null where tracker = ? and issue_id = ?")
			.params(commentId, tracker.id(), issueId)
			.update();
	}

	@Override
	public boolean isOwnComment(Tracker tracker, String commentId) {
		return this.jdbc.sql("select count(*) from tracked_issue where tracker = ? and report_comment_id = ?")
			.params(tracker.id(), commentId)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public void reportParked(Tracker tracker, String issueId, Instant until) {
		this.jdbc.sql("update tracked_issue set report_next_attempt_at = ? where tracker = ? and issue_id = ?")
			.params(Timestamp.from(until), tracker.id(), issueId)
			.update();
	}

	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(IssueSnapshot issue) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
			.addValue("tracker", issue.tracker().id())
			.addValue("issueId", issue.issueId())
			.addValue("key", issue.key())
			.addValue("url", issue.url())
			.addValue("title", issue.title())
			.addValue("state", issue.state())
			.addValue("category", issue.category().name())
			.addValue("updatedAt", Timestamp.from(issue.updatedAt()))
			.addValue("etag", issue.etag())
			.addValue("assignee", issue.assignee())
			.addValue("statusCategory", issue.statusCategory());
	}

	private static IssueSnapshot snapshot(ResultSet rs, int row) throws SQLException {
		return new IssueSnapshot(Tracker.byId(rs.getString("tracker")), rs.getString("issue_id"),
				rs.getString("issue_key"), rs.getString("url"), rs.getString("title"), rs.getString("state"),
				StateCategory.valueOf(rs.getString("category")), rs.getTimestamp("source_updated_at").toInstant(),
				rs.getString("etag"), rs.getString("assignee"), rs.getString("status_category"));
	}

}
