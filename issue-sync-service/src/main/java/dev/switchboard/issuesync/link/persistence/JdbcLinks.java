package dev.switchboard.issuesync.link.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.issuesync.link.Link;
import dev.switchboard.issuesync.link.Links;
import dev.switchboard.issuesync.tracker.Tracker;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code issue_link}, unique on ticket and issue: {@code ON CONFLICT DO NOTHING} makes a
 * concurrent second link of the same pair a no-op.
 */
@Repository
class JdbcLinks implements Links {

	private static final String SELECT = "select id, ticket_id, tracker, issue_id, created_at from issue_link ";

	private final JdbcClient jdbc;

	JdbcLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean add(Link link) {
		return this.jdbc
			.sql("insert into issue_link (id, ticket_id, tracker, issue_id, created_at) "
					+ "values (?, ?, ?, ?, ?) on conflict do nothing")
			.params(link.id(), link.ticketId(), link.tracker().id(), link.issueId(), Timestamp.from(link.createdAt()))
			.update() == 1;
	}

	@Override
	public Optional<Link> byId(UUID id) {
		return this.jdbc.sql(SELECT + "where id = ?").params(id).query(JdbcLinks::link).optional();
	}

	@Override
	public List<Link> ofTicket(String ticketId) {
		return this.jdbc.sql(SELECT + "where ticket_id = ? order by created_at, id")
			.params(ticketId)
			.query(JdbcLinks::link)
			.list();
	}

	@Override
	public List<Link> ofIssue(Tracker tracker, String issueId) {
		return this.jdbc.sql(SELECT + "where tracker = ? and issue_id = ? order by ticket_id")
			.params(tracker.id(), issueId)
			.query(JdbcLinks::link)
			.list();
	}

	@Override
	public boolean remove(UUID id) {
		return this.jdbc.sql("delete from issue_link where id = ?").params(id).update() == 1;
	}

	@Override
	public List<Link> moveTicket(String fromTicketId, String toTicketId) {
		List<Link> moved = new ArrayList<>();
		for (Link link : ofTicket(fromTicketId)) {
			remove(link.id());
			Link target = Link.of(toTicketId, link.tracker(), link.issueId(), link.createdAt());
			if (add(target)) {
				moved.add(target);
			}
		}
		return moved;
	}

	@Override
	public List<Link> rekey(Tracker tracker, String oldIssueId, String newIssueId) {
		List<Link> moved = new ArrayList<>();
		for (Link link : ofIssue(tracker, oldIssueId)) {
			boolean taken = this.jdbc
				.sql("select count(*) from issue_link where ticket_id = ? and tracker = ? " + "and issue_id = ?")
				.params(link.ticketId(), tracker.id(), newIssueId)
				.query(Long.class)
				.single() > 0;
			if (taken) {
				remove(link.id());
				continue;
			}
			// keeps the link's id and creation time: its history stays with it
			this.jdbc.sql("update issue_link set issue_id = ? where id = ?").params(newIssueId, link.id()).update();
			moved.add(new Link(link.id(), link.ticketId(), tracker, newIssueId, link.createdAt()));
		}
		return moved;
	}

	private static Link link(ResultSet rs, int row) throws SQLException {
		return new Link(rs.getObject("id", UUID.class), rs.getString("ticket_id"),
				Tracker.byId(rs.getString("tracker")), rs.getString("issue_id"),
				rs.getTimestamp("created_at").toInstant());
	}

}
