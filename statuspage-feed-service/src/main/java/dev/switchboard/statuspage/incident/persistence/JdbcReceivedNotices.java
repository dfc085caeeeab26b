package dev.switchboard.statuspage.incident.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.switchboard.statuspage.incident.ReceivedNotices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code received_delivery}, unique on the message id. */
@Repository
class JdbcReceivedNotices implements ReceivedNotices {

	private final JdbcClient jdbc;

	JdbcReceivedNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean addIfAbsent(UUID eventId, String deliveryId, Instant now) {
		return this.jdbc.sql(
				"insert into received_delivery (event_id, delivery_id, received_at) values (?, ?, ?) on conflict do nothing")
			.params(eventId, deliveryId, Timestamp.from(now))
			.update() == 1;
	}

}
