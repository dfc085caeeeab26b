package dev.switchboard.issuesync.delivery.persistence;

import java.sql.Timestamp;
import java.time.Clock;

import dev.switchboard.issuesync.delivery.ReceivedDeliveries;
import dev.switchboard.issuesync.delivery.ReceivedDelivery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code received_delivery}, unique on provider and delivery id.
 * {@code ON CONFLICT DO NOTHING} makes a concurrent or repeated insert a no-op instead of
 * an error that would abort the transaction (PostgreSQL; H2 understands it in PostgreSQL
 * mode).
 */
@Repository
class JdbcReceivedDeliveries implements ReceivedDeliveries {

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcReceivedDeliveries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean addIfAbsent(ReceivedDelivery delivery) {
		int inserted = this.jdbc
			.sql("""
					insert into received_delivery
					    (event_id, provider, event_type, delivery_id, correlation_id, received_at, recorded_at, body_bytes)
					values (:eventId, :provider, :eventType, :deliveryId, :correlationId, :receivedAt, :recordedAt, :bodyBytes)
					on conflict do nothing
					""")
			.param("eventId", delivery.eventId())
			.param("provider", delivery.provider())
			.param("eventType", delivery.eventType())
			.param("deliveryId", delivery.deliveryId())
			.param("correlationId", delivery.correlationId())
			.param("receivedAt", Timestamp.from(delivery.receivedAt()))
			.param("recordedAt", Timestamp.from(this.clock.instant()))
			.param("bodyBytes", delivery.bodyBytes())
			.update();
		return inserted == 1;
	}

	@Override
	public long count() {
		return this.jdbc.sql("select count(*) from received_delivery").query(Long.class).single();
	}

}
