package dev.switchboard.issuesync.link.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import dev.switchboard.issuesync.link.LinkIntents;
import dev.switchboard.issuesync.tracker.Tracker;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code link_intent}; keys compared in lower case (GitHub's owner and repository names
 * are case-insensitive). Intents of links that failed are left behind and swept after an
 * hour.
 */
@Repository
class JdbcLinkIntents implements LinkIntents {

	private final JdbcClient jdbc;

	JdbcLinkIntents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public UUID begin(Tracker tracker, String key, Instant now) {
		this.jdbc.sql("delete from link_intent where started_at < ?")
			.params(Timestamp.from(now.minus(Duration.ofHours(1))))
			.update();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into link_intent (id, tracker, issue_key, started_at) values (?, ?, ?, ?)")
			.params(id, tracker.id(), key.toLowerCase(Locale.ROOT), Timestamp.from(now))
			.update();
		return id;
	}

	@Override
	public void end(UUID id) {
		this.jdbc.sql("delete from link_intent where id = ?").params(id).update();
	}

	@Override
	public boolean inFlight(Tracker tracker, String key, Instant since) {
		return this.jdbc.sql("select count(*) from link_intent where tracker = ? and issue_key = ? and started_at >= ?")
			.params(tracker.id(), key.toLowerCase(Locale.ROOT), Timestamp.from(since))
			.query(Long.class)
			.single() > 0;
	}

}
