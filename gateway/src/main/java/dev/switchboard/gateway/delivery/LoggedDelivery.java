package dev.switchboard.gateway.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.contracts.InboundDelivery;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the delivery log.
 *
 * @param id the log's own id (the delivery's {@code eventId})
 * @param attempts how often the provider sent it (retries after 503s and duplicates after
 * 2xx included)
 * @param replays how often an operator replayed it
 * @param about what it was about in a few words (see {@link DeliverySummary#about()})
 */
public record LoggedDelivery(UUID id, String provider, String eventType, String deliveryId, String correlationId,
		Instant receivedAt, int sizeBytes, Outcome outcome, int attempts, int replays, @Nullable Instant lastReplayedAt,
		@Nullable String about, Map<String, String> headers, byte[] body) {

	public DeliverySummary summary() {
		return new DeliverySummary(this.id, this.provider, this.eventType, this.deliveryId, this.correlationId,
				this.receivedAt, this.sizeBytes, this.outcome, this.attempts, this.replays, this.lastReplayedAt,
				this.about);
	}

	/** The delivery as it was published, to publish it again. */
	public InboundDelivery toInboundDelivery() {
		return new InboundDelivery(dev.switchboard.contracts.SchemaVersions.CURRENT, this.id, this.correlationId,
				this.provider, this.eventType, this.deliveryId, this.receivedAt, this.headers, this.body, null);
	}

}
