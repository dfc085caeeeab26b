package dev.switchboard.issuesync.delivery;

import java.util.UUID;

/**
 * The bodies of deliveries too large for their message, kept in the gateway's delivery
 * log.
 */
public interface DeliveryBodies {

	/**
	 * The raw body of the delivery with this event id.
	 * @throws IllegalStateException when the gateway cannot give it (the message is then
	 * dead-lettered and can be replayed)
	 */
	byte[] fetch(UUID eventId);

}
