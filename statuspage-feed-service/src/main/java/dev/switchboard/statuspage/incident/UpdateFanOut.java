package dev.switchboard.statuspage.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * Hands a new (or newly enriched) update to the subscriptions of its feed: one pending
 * delivery per subscription, created once.
 */
public interface UpdateFanOut {

	/**
	 * Creates the deliveries of a new update: due {@code now} for subscriptions without a
	 * component filter, at {@code filteredNotBefore} for those with one (which may be
	 * waiting for the webhook's components).
	 */
	int fanOut(UUID feedId, UUID updateId, Instant now, Instant filteredNotBefore);

	/**
	 * The update's components are now known: its deliveries waiting for the webhook
	 * become due now.
	 */
	void releaseWaiting(UUID updateId, Instant now);

}
