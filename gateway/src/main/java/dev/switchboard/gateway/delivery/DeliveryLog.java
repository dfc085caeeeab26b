package dev.switchboard.gateway.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.contracts.InboundDelivery;

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

	void countReplay(UUID id, Instant at);

	/** Removes entries received before the instant; returns how many. */
	int purgeReceivedBefore(Instant instant);

}
