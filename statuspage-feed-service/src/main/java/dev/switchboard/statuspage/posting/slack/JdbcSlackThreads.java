package dev.switchboard.statuspage.posting.slack;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.statuspage.posting.IncidentView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code slack_thread}: one row per subscription and incident. {@code wanted_status}
 * moves only to a later update ({@code wanted_at}); {@code edit_due} coalesces edits.
 */
@Repository
class JdbcSlackThreads implements SlackThreads {

	private static final UUID NO_UPDATE = new UUID(0, 0);

	private final JdbcClient jdbc;

	JdbcSlackThreads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<SlackThread> find(UUID subscriptionId, UUID feedId, String incidentCode) {
		return this.jdbc.sql("""
				select channel, ts, shown_status from slack_thread
				where subscription_id = ? and feed_id = ? and incident_code = ?
				""")
			.params(subscriptionId, feedId, incidentCode)
			.query((rs, row) -> new SlackThread(rs.getString("channel"), rs.getString("ts"),
					rs.getString("shown_status")))
			.optional();
	}

	@Override
	public void started(UUID subscriptionId, IncidentView view, String channel, String ts) {
		this.jdbc
			.sql("""
					insert into slack_thread (subscription_id, feed_id, incident_code, channel, ts, shown_status, wanted_status,
					    wanted_at, edit_due)
					values (?, ?, ?, ?, ?, ?, ?, ?, false)
					on conflict do nothing
					""")
			.params(subscriptionId, view.feedId(), view.incidentCode(), channel, ts, view.status(), view.status(),
					Timestamp.from(view.postedAt()))
			.update();
	}

	@Override
	public void want(UUID subscriptionId, IncidentView view) {
		this.jdbc.sql("""
				update slack_thread set wanted_status = :status, wanted_at = :at,
				    edit_due = case when shown_status <> :status then true else false end
				where subscription_id = :subscription and feed_id = :feed and incident_code = :code and wanted_at <= :at
				""")
			.param("status", view.status())
			.param("at", Timestamp.from(view.postedAt()))
			.param("subscription", subscriptionId)
			.param("feed", view.feedId())
			.param("code", view.incidentCode())
			.update();
	}

	@Override
	public Optional<DueEdit> claimDueEdit() {
		return this.jdbc.sql("""
				select subscription_id, feed_id, incident_code, channel, ts, wanted_status, wanted_at from slack_thread
				where edit_due = true order by wanted_at limit 1 for update skip locked
				""").query((rs, row) -> {
			UUID subscription = rs.getObject("subscription_id", UUID.class);
			UUID feed = rs.getObject("feed_id", UUID.class);
			String code = rs.getString("incident_code");
			String status = rs.getString("wanted_status");
			Instant at = rs.getTimestamp("wanted_at").toInstant();
			return new DueEdit(subscription, rs.getString("channel"), rs.getString("ts"), status,
					incident(feed, code, status, at));
		}).optional();
	}

	private IncidentView incident(UUID feed, String code, String status, Instant at) {
		return this.jdbc.sql("select title, link, impact from incident where feed_id = ? and code = ?")
			.params(feed, code)
			.query((rs, row) -> new IncidentView(NO_UPDATE, feed, code, rs.getString("title"), rs.getString("link"),
					status, "", rs.getString("impact"), null, at, "updated"))
			.single();
	}

	@Override
	public void edited(UUID subscriptionId, UUID feedId, String incidentCode, String shownStatus) {
		this.jdbc.sql("""
				update slack_thread set shown_status = :status,
				    edit_due = case when wanted_status <> :status then true else false end
				where subscription_id = :subscription and feed_id = :feed and incident_code = :code
				""")
			.param("status", shownStatus)
			.param("subscription", subscriptionId)
			.param("feed", feedId)
			.param("code", incidentCode)
			.update();
	}

}
