package dev.switchboard.statuspage.retention.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import dev.switchboard.statuspage.retention.Retention;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes in dependency order: finished deliveries, then updates no delivery needs, then
 * incidents without updates and their threads.
 */
@Repository
class JdbcRetention implements Retention {

	private final JdbcClient jdbc;

	JdbcRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public Purged purgeBefore(Instant cutoff) {
		Timestamp before = Timestamp.from(cutoff);
		int deliveries = this.jdbc
			.sql("delete from delivery where state in ('sent', 'skipped', 'failed', 'unknown') and created_at < ?")
			.param(before)
			.update();
		int updates = this.jdbc
			.sql("""
					delete from incident_update u
					where u.posted_at < ? and u.seen_at < ? and not exists (select 1 from delivery d where d.update_id = u.id)
					""")
			.params(before, before)
			.update();
		int threads = this.jdbc
			.sql("""
					delete from slack_thread t where exists (select 1 from incident i
					    where i.feed_id = t.feed_id and i.code = t.incident_code and i.latest_at < ?
					        and not exists (select 1 from incident_update u where u.feed_id = i.feed_id and u.incident_code = i.code))
					""")
			.param(before)
			.update();
		int incidents = this.jdbc
			.sql("""
					delete from incident i where i.latest_at < ?
					    and not exists (select 1 from incident_update u where u.feed_id = i.feed_id and u.incident_code = i.code)
					""")
			.param(before)
			.update();
		// intents of deliveries that are gone (purged above, or their subscription
		// deleted)
		this.jdbc.sql("""
				delete from post_intent p where not exists (select 1 from delivery d where d.seq = p.delivery_seq)
				""").update();
		int notices = this.jdbc.sql("delete from received_delivery where received_at < ?").param(before).update();
		return new Purged(deliveries, updates, incidents, threads, notices);
	}

}
