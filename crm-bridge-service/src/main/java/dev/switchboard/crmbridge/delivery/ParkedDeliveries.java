package dev.switchboard.crmbridge.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.switchboard.contracts.InboundDelivery;

/**
 * Deliveries of any provider waiting for the helpdesk, stored durably (one row per
 * delivery event id) until their next attempt is due.
 */
public interface ParkedDeliveries {

	/**
	 * Stores the delivery (committed when this returns); false when it was parked already
	 * (a redelivery), which leaves the stored row as it is.
	 */
	boolean park(InboundDelivery delivery, Instant nextAttemptAt, String lastError, Instant at);

	/**
	 * Takes up to {@code limit} due deliveries one at a time, each under its row lock
	 * (rows another instance holds are skipped), and hands it to {@code work}: an empty
	 * answer deletes the row, a {@link Reschedule} keeps it for later.
	 * @return how many were taken
	 */
	int resumeDue(Instant now, int limit, Function<Parked, Optional<Reschedule>> work);

	/** How many deliveries are waiting. */
	long waiting();

	/** When the delivery waiting longest was parked, if any is waiting. */
	Optional<Instant> oldestParkedAt();

	/**
	 * @param eventId the delivery's event id
	 * @param delivery the delivery as it came from the broker
	 * @param attempts failed attempts so far (the first, in the consumer, included)
	 */
	record Parked(UUID eventId, InboundDelivery delivery, int attempts) {
	}

	record Reschedule(Instant nextAttemptAt, String lastError) {
	}

}
