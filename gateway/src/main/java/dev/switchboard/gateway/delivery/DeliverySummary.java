package dev.switchboard.gateway.delivery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the delivery log without its headers and body: what a page of the log
 * lists, so that a page of large deliveries costs kilobytes.
 *
 * @param about what the delivery was about in a few words, computed at ingest ("issues
 * closed acme/widgets#42"); null for entries logged before it was
 */
public record DeliverySummary(UUID id, String provider, String eventType, String deliveryId, String correlationId,
		Instant receivedAt, int sizeBytes, Outcome outcome, int attempts, int replays, @Nullable Instant lastReplayedAt,
		@Nullable String about) {

	/** What the console lists: the summary, else the event type. */
	public String aboutOrEvent() {
		return (this.about != null) ? this.about : this.eventType;
	}

}
