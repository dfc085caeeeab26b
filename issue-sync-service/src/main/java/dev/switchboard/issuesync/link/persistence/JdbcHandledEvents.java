package dev.switchboard.issuesync.link.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import dev.switchboard.issuesync.link.HandledEvents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code handled_ticket_event}: primary key on the event's own id. */
@Repository
class JdbcHandledEvents implements HandledEvents {

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcHandledEvents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean firstTime(UUID eventId) {
		return this.jdbc
			.sql("insert into handled_ticket_event (event_id, handled_at) values (?, ?) on conflict do nothing")
			.params(eventId, Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

}
