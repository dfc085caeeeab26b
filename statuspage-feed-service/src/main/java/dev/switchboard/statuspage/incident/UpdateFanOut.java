package dev.switchboard.statuspage.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * Hands a new (or newly enriched) update to the subscriptions of its feed: one pending
 * delivery per subscription, created once.
 */
public interface UpdateFanOut {

	/** Creates the deliveries of a new update, due at {@code notBefore}. */
	int fanOut(UUID feedId, UUID updateId, Instant notBefore);

	/**
	 * The update's components are now known: its deliveries waiting for the webhook
	 * become due now.
	 */
	void releaseWaiting(UUID updateId, Instant now);

}
