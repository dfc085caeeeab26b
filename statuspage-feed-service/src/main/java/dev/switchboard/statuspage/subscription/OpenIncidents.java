package dev.switchboard.statuspage.subscription;

import java.time.Instant;
import java.util.UUID;

/** The incidents open on a feed, as deliveries for a new subscription. */
public interface OpenIncidents {

	/**
	 * Queues, for each incident open on the feed, its latest update (one parent with the
	 * current status).
	 */
	int queueFor(UUID subscriptionId, UUID feedId, Instant now);

}
