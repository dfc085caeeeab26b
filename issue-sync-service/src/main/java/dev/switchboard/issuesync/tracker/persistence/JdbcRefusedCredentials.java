package dev.switchboard.issuesync.tracker.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import dev.switchboard.issuesync.tracker.RefusedCredentials;
import dev.switchboard.issuesync.tracker.Tracker;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code tracker_credentials_refused}, written in transactions of their own: the 401 that
 * starts a hold-off also rolls back the work that met it.
 */
@Repository
class JdbcRefusedCredentials implements RefusedCredentials {

	private final JdbcClient jdbc;

	JdbcRefusedCredentials(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Instant> refusedAt(Tracker tracker) {
		return this.jdbc.sql("select refused_at from tracker_credentials_refused where tracker = ?")
			.params(tracker.id())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(Tracker tracker, Instant at) {
		if (this.jdbc.sql("update tracker_credentials_refused set refused_at = ? where tracker = ?")
			.params(Timestamp.from(at), tracker.id())
			.update() == 0) {
			this.jdbc
				.sql("insert into tracker_credentials_refused (tracker, refused_at) values (?, ?) "
						+ "on conflict do nothing")
				.params(tracker.id(), Timestamp.from(at))
				.update();
		}
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void accepted(Tracker tracker) {
		this.jdbc.sql("delete from tracker_credentials_refused where tracker = ?").params(tracker.id()).update();
	}

}
