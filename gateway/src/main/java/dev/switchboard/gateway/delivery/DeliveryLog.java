package dev.switchboard.gateway.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.contracts.InboundDelivery;
import org.jspecify.annotations.Nullable;

/** The gateway's record of what came in. */
public interface DeliveryLog {

	/**
	 * Records a delivery's publish outcome; a delivery seen before gets its outcome
	 * updated and counted.
	 */
	void record(InboundDelivery delivery, Outcome outcome);

	/**
	 * Sets the outcome of a delivery recorded before, without counting another attempt.
	 */
	void settle(UUID id, Outcome outcome);

	/**
	 * Counts another copy of an already published delivery (answered 2xx, not published
	 * again).
	 */
	void countDuplicate(UUID id);

	Optional<Outcome> outcomeOf(UUID id);

	Optional<LoggedDelivery> find(UUID id);

	DeliveryPage search(DeliveryQuery query);

	/**
	 * The query's next entries, oldest first, after the entry received at
	 * {@code receivedAt} with {@code id} (from the start when null), at most
	 * {@code query.size()}; ignores the query's page and order. Unlike an offset, this
	 * holds while entries drop out of the filter (a replayed delivery is published).
	 */
	List<DeliverySummary> after(DeliveryQuery query, @Nullable Instant receivedAt, @Nullable UUID id);

	void countReplay(UUID id, Instant at);

	/** Removes entries received before the instant; returns how many. */
	int purgeReceivedBefore(Instant instant);

}
