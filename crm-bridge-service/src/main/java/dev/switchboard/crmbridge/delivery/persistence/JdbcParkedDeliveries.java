package dev.switchboard.crmbridge.delivery.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.crmbridge.delivery.ParkedDeliveries;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code parked_delivery}: the delivery as JSON, taken up one row per transaction with
 * {@code FOR UPDATE SKIP LOCKED}, so instances never take the same delivery at once.
 */
@Repository
class JdbcParkedDeliveries implements ParkedDeliveries {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	JdbcParkedDeliveries(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.json = json;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public boolean park(InboundDelivery delivery, Instant nextAttemptAt, String lastError, Instant at) {
		String stored = this.json.writeValueAsString(delivery);
		Boolean parked = this.transactions.execute((status) -> this.jdbc.sql("""
				insert into parked_delivery (event_id, delivery, attempts, parked_at, next_attempt_at, last_error)
				values (?, ?, 1, ?, ?, ?)
				on conflict do nothing
				""")
			.params(delivery.eventId().toString(), stored, Timestamp.from(at), Timestamp.from(nextAttemptAt), lastError)
			.update() == 1);
		return Boolean.TRUE.equals(parked);
	}

	@Override
	public int resumeDue(Instant now, int limit, Function<Parked, Optional<Reschedule>> work) {
		int taken = 0;
		while (taken < limit && Boolean.TRUE.equals(this.transactions.execute((status) -> resumeOne(now, work)))) {
			taken++;
		}
		return taken;
	}

	private boolean resumeOne(Instant now, Function<Parked, Optional<Reschedule>> work) {
		Optional<Parked> due = this.jdbc.sql("""
				select event_id, delivery, attempts from parked_delivery
				where next_attempt_at <= ?
				order by next_attempt_at
				limit 1
				for update skip locked
				""")
			.param(Timestamp.from(now))
			.query((rows, number) -> new Parked(UUID.fromString(rows.getString(1)),
					this.json.readValue(rows.getString(2), InboundDelivery.class), rows.getInt(3)))
			.optional();
		if (due.isEmpty()) {
			return false;
		}
		Parked parked = due.get();
		Optional<Reschedule> again = work.apply(parked);
		if (again.isEmpty()) {
			this.jdbc.sql("delete from parked_delivery where event_id = ?").param(parked.eventId().toString()).update();
		}
		else {
			this.jdbc
				.sql("update parked_delivery set attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
						+ "where event_id = ?")
				.params(Timestamp.from(again.get().nextAttemptAt()), again.get().lastError(),
						parked.eventId().toString())
				.update();
		}
		return true;
	}

	@Override
	public long waiting() {
		return this.jdbc.sql("select count(*) from parked_delivery").query(Long.class).single();
	}

	@Override
	public Optional<Instant> oldestParkedAt() {
		return this.jdbc.sql("select min(parked_at) from parked_delivery")
			.query((rows, number) -> Optional.ofNullable(rows.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

}
