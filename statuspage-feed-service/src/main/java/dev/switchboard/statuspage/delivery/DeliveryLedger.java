package dev.switchboard.statuspage.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.switchboard.statuspage.incident.UpdateFanOut;

/**
 * One row per (subscription, update): created once, sent once. Pending rows of one
 * subscription go out in order; a row waiting (rate limit, back-off, webhook grace) holds
 * the ones behind it.
 */
public interface DeliveryLedger extends UpdateFanOut {

	/**
	 * The first pending delivery of each active subscription and channel, if due (no
	 * lock: candidates).
	 */
	List<Long> dueHeads(Instant now, int limit);

	/** Locks a due pending delivery ({@code FOR UPDATE SKIP LOCKED}). */
	Optional<PendingDelivery> claim(long seq, Instant now);

	void sent(long seq, Instant now);

	void skipped(long seq, String reason, Instant now);

	void retryAt(long seq, Instant at, String reason, boolean countsAsAttempt);

	void failed(long seq, String reason, Instant now);

}
