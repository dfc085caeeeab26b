package dev.switchboard.statuspage.posting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.switchboard.statuspage.incident.UpdateFanOut;

/**
 * One row per (subscription, update): created once, sent once. Pending rows of one
 * subscription go out in order; a row waiting (back-off, webhook grace) holds the ones
 * behind it. A rate limit (429) parks the destination, not the row. Each destination (a
 * Slack channel, a Teams or webhook URL) is paced by its own row, shared by every
 * subscription that posts there.
 */
public interface PostLedger extends UpdateFanOut {

	/**
	 * The first pending delivery of each active subscription, if it is due and its
	 * destination may be sent to, destinations waiting longest first (no lock:
	 * candidates).
	 */
	List<DueHead> dueHeads(Instant now, int limit);

	/**
	 * Locks the destination for this transaction if it may be sent to now
	 * ({@code FOR UPDATE SKIP LOCKED}): one sender per destination across instances.
	 */
	boolean holdDestination(String destination, Instant now);

	/** The destination takes its next message at {@code at}. */
	void paceDestination(String destination, Instant at);

	/** Locks a due pending delivery ({@code FOR UPDATE SKIP LOCKED}). */
	Optional<PendingPost> claim(long seq, Instant now);

	void sent(long seq, Instant now);

	void skipped(long seq, String reason, Instant now);

	/**
	 * Tried again at {@code at}, after a failure at {@code now} that counts as an
	 * attempt.
	 */
	void retryAt(long seq, Instant at, String reason, Instant now);

	/**
	 * The destination said "not now" (429): the wait is the destination's alone
	 * ({@link #paceDestination}), shared by every subscription posting there; the
	 * delivery stays due and only records why it has not gone yet (and when).
	 */
	void rateLimited(long seq, String reason, Instant now);

	void failed(long seq, String reason, Instant now);

	/**
	 * The post's outcome is unknown and the channel cannot be asked (Teams): the delivery
	 * leaves the queue as {@code unknown}, visible, until an operator sends it again.
	 */
	void unknownOutcome(long seq, String reason, Instant now);

	/**
	 * A subscription's head that may go out now.
	 *
	 * @param destination the destination's key ({@code slack:C0123ABCD})
	 */
	record DueHead(long seq, String destination) {

	}

}
