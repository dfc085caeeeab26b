package dev.switchboard.statuspage.incident;

import java.time.Instant;
import java.util.UUID;

/** The webhook deliveries taken, by message id. */
public interface ReceivedNotices {

	/**
	 * @return whether it was new (a database constraint decides)
	 */
	boolean addIfAbsent(UUID eventId, String deliveryId, Instant now);

}
