package dev.switchboard.statuspage.posting.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.statuspage.posting.PostIntent;
import dev.switchboard.statuspage.posting.PostIntents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code post_intent}, one row per delivery whose post's outcome is not known yet. The
 * intent is written on a connection of its own ({@code REQUIRES_NEW}) and committed
 * before the call, while the attempt's transaction keeps holding the destination and the
 * delivery; it never waits for those rows (no foreign key), so it cannot deadlock with
 * them.
 */
@Repository
class JdbcPostIntents implements PostIntents {

	private final JdbcClient jdbc;

	JdbcPostIntents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(PostIntent intent) {
		String kind = intent.kind().name().toLowerCase(Locale.ROOT);
		// the attempt holds the delivery's row, so nobody else writes this intent now
		int renewed = this.jdbc.sql("""
				update post_intent set client_id = ?, kind = ?, channel = ?, thread_ts = ?, state = 'in_flight'
				where delivery_seq = ?
				""")
			.param(intent.clientId())
			.param(kind)
			.param(intent.channel())
			.param(intent.parentId())
			.param(intent.seq())
			.update();
		if (renewed == 0) {
			this.jdbc.sql("""
					insert into post_intent (delivery_seq, client_id, kind, channel, thread_ts, state, recorded_at)
					values (?, ?, ?, ?, ?, 'in_flight', ?)
					""")
				.param(intent.seq())
				.param(intent.clientId())
				.param(kind)
				.param(intent.channel())
				.param(intent.parentId())
				.param(Timestamp.from(intent.recordedAt()))
				.update();
		}
	}

	@Override
	public Optional<PostIntent> find(long seq) {
		return this.jdbc.sql("select * from post_intent where delivery_seq = ?")
			.param(seq)
			.query(JdbcPostIntents::intent)
			.optional();
	}

	@Override
	public void unknown(long seq) {
		this.jdbc.sql("update post_intent set state = 'unknown' where delivery_seq = ?").param(seq).update();
	}

	@Override
	public void resolved(long seq) {
		this.jdbc.sql("delete from post_intent where delivery_seq = ?").param(seq).update();
	}

	@Override
	public List<PostIntent> unresolvedParents(UUID subscriptionId, UUID feedId, String incidentCode, long exceptSeq) {
		return this.jdbc.sql("""
				select p.* from post_intent p
				join delivery d on d.seq = p.delivery_seq
				join incident_update u on u.id = d.update_id
				where d.subscription_id = ? and u.feed_id = ? and u.incident_code = ? and p.kind = 'parent'
				    and p.delivery_seq <> ?
				order by p.delivery_seq
				""").params(subscriptionId, feedId, incidentCode, exceptSeq).query(JdbcPostIntents::intent).list();
	}

	private static PostIntent intent(ResultSet rs, int row) throws SQLException {
		return new PostIntent(rs.getLong("delivery_seq"), rs.getString("client_id"),
				PostIntent.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("channel"),
				rs.getString("thread_ts"), rs.getTimestamp("recorded_at").toInstant());
	}

}
