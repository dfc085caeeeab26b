package dev.switchboard.statuspage.posting.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.switchboard.statuspage.posting.PostLedger;
import dev.switchboard.statuspage.posting.IncidentView;
import dev.switchboard.statuspage.posting.PendingPost;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code delivery}, unique per (subscription, update): a repeated fan-out inserts
 * nothing. The table keeps the name it had before the feature became {@code posting}
 * (Flyway migrations are never edited). Rows are claimed one at a time with
 * {@code FOR UPDATE SKIP LOCKED}.
 */
@Repository
class JdbcPostLedger implements PostLedger {

	private final JdbcClient jdbc;

	JdbcPostLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int fanOut(UUID feedId, UUID updateId, Instant now, Instant filteredNotBefore) {
		return this.jdbc.sql("""
				insert into delivery (subscription_id, update_id, state, attempts, next_attempt_at, created_at)
				select s.id, :update, 'pending', 0,
				    case when s.components = '' then cast(:now as timestamp with time zone)
				        else cast(:notBefore as timestamp with time zone) end, :now
				from subscription s where s.feed_id = :feed and s.state in ('active', 'failing')
				on conflict do nothing
				""")
			.param("update", updateId)
			.param("now", Timestamp.from(now))
			.param("notBefore", Timestamp.from(filteredNotBefore))
			.param("feed", feedId)
			.update();
	}

	@Override
	public void releaseWaiting(UUID updateId, Instant now) {
		this.jdbc.sql("""
				update delivery set next_attempt_at = ?
				where update_id = ? and state = 'pending' and next_attempt_at > ? and last_error is null
				""").params(Timestamp.from(now), updateId, Timestamp.from(now)).update();
	}

	/**
	 * Each active subscription's lowest pending row, when it and its destination are due.
	 * Several subscriptions may share a destination: the one that holds it first sends,
	 * the others find it paced.
	 */
	@Override
	public List<DueHead> dueHeads(Instant now, int limit) {
		return this.jdbc.sql("""
				select d.seq, s.destination
				from (select subscription_id, min(seq) as seq from delivery where state = 'pending'
				      group by subscription_id) h
				join delivery d on d.seq = h.seq
				join subscription s on s.id = h.subscription_id
				join destination c on c.address = s.destination
				where s.state = 'active' and d.next_attempt_at <= :now and c.next_send_at <= :now
				order by c.next_send_at, d.seq limit :limit
				""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, row) -> new DueHead(rs.getLong("seq"), rs.getString("destination")))
			.list();
	}

	@Override
	public boolean holdDestination(String destination, Instant now) {
		return this.jdbc
			.sql("select address from destination where address = ? and next_send_at <= ? for update skip locked")
			.params(destination, Timestamp.from(now))
			.query(String.class)
			.optional()
			.isPresent();
	}

	@Override
	public void paceDestination(String destination, Instant at) {
		this.jdbc.sql("update destination set next_send_at = ? where address = ?")
			.params(Timestamp.from(at), destination)
			.update();
	}

	@Override
	public Optional<PendingPost> claim(long seq, Instant now) {
		Optional<Object[]> row = this.jdbc.sql("""
				select seq, subscription_id, attempts, update_id from delivery
				where seq = ? and state = 'pending' and next_attempt_at <= ? for update skip locked
				""")
			.params(seq, Timestamp.from(now))
			.query((rs,
					n) -> new Object[] { rs.getObject("subscription_id", UUID.class), rs.getInt("attempts"),
							rs.getObject("update_id", UUID.class) })
			.optional();
		return row.map((values) -> new PendingPost(seq, (UUID) values[0], (Integer) values[1], view((UUID) values[2])));
	}

	private IncidentView view(UUID updateId) {
		return this.jdbc.sql("""
				select u.id, u.feed_id, u.incident_code, u.status, u.body, u.posted_at, u.change_type, u.components,
				    i.title, i.link, i.impact, i.components as incident_components
				from incident_update u join incident i on i.feed_id = u.feed_id and i.code = u.incident_code
				where u.id = ?
				""").param(updateId).query(JdbcPostLedger::view).single();
	}

	/**
	 * The components are all that either source named for the update and its incident:
	 * the filter decides on everything known, and what is learnt later only adds.
	 */
	private static IncidentView view(ResultSet rs, int row) throws SQLException {
		String components = union(rs.getString("components"), rs.getString("incident_components"));
		return new IncidentView(rs.getObject("id", UUID.class), rs.getObject("feed_id", UUID.class),
				rs.getString("incident_code"), rs.getString("title"), rs.getString("link"), rs.getString("status"),
				rs.getString("body"), rs.getString("impact"), split(components),
				rs.getTimestamp("posted_at").toInstant(), rs.getString("change_type"));
	}

	static @Nullable String union(@Nullable String update, @Nullable String incident) {
		if (update == null || incident == null) {
			return (update != null) ? update : incident;
		}
		Set<String> names = new LinkedHashSet<>();
		for (String list : new String[] { update, incident }) {
			if (!list.isEmpty()) {
				names.addAll(Arrays.asList(list.split("\n")));
			}
		}
		return String.join("\n", names);
	}

	static @Nullable List<String> split(@Nullable String components) {
		if (components == null) {
			return null;
		}
		return components.isEmpty() ? List.of() : Arrays.asList(components.split("\n"));
	}

	@Override
	public void sent(long seq, Instant now) {
		this.jdbc.sql("update delivery set state = 'sent', sent_at = ?, attempts = attempts + 1 where seq = ?")
			.params(Timestamp.from(now), seq)
			.update();
	}

	@Override
	public void skipped(long seq, String reason, Instant now) {
		this.jdbc.sql("update delivery set state = 'skipped', last_error = ?, sent_at = ? where seq = ?")
			.params(reason, Timestamp.from(now), seq)
			.update();
	}

	@Override
	public void retryAt(long seq, Instant at, String reason, Instant now) {
		this.jdbc.sql("""
				update delivery set next_attempt_at = ?, last_error = ?, attempts = attempts + 1, last_attempt_at = ?
				where seq = ?
				""").params(Timestamp.from(at), truncated(reason), Timestamp.from(now), seq).update();
	}

	@Override
	public void rateLimited(long seq, String reason, Instant now) {
		this.jdbc.sql("update delivery set last_error = ?, last_attempt_at = ? where seq = ?")
			.params(truncated(reason), Timestamp.from(now), seq)
			.update();
	}

	@Override
	public void failed(long seq, String reason, Instant now) {
		this.jdbc.sql("""
				update delivery set state = 'failed', last_error = ?, attempts = attempts + 1, last_attempt_at = ?
				where seq = ?
				""").params(truncated(reason), Timestamp.from(now), seq).update();
	}

	@Override
	public void unknownOutcome(long seq, String reason, Instant now) {
		this.jdbc.sql("""
				update delivery set state = 'unknown', last_error = ?, attempts = attempts + 1, last_attempt_at = ?
				where seq = ?
				""").params(truncated(reason), Timestamp.from(now), seq).update();
	}

	private static String truncated(String text) {
		return (text.length() > 1000) ? text.substring(0, 1000) : text;
	}

}
