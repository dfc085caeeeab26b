package dev.switchboard.statuspage.outbox;

import java.util.List;

/**
 * Publishes with publisher confirms and {@code mandatory}. Returns only once the broker
 * confirmed every message; throws when one was not taken, refused, not confirmed in time,
 * or returned by a destination whose consumers exist ({@code tickets.commands}). A return
 * from a destination nobody consumes yet ({@code status.incidents}) is counted, not a
 * failure (ADR 0003).
 */
public interface ConfirmedPublisher {

	/**
	 * @param destination a destination of {@code Destinations}
	 */
	void publish(String destination, List<OutboxMessage> messages);

}
