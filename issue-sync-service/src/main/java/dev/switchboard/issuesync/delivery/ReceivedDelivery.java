package dev.switchboard.issuesync.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A tracker's delivery as the ledger records it: who sent it and when, never its body.
 *
 * @param eventId the delivery's own id (the AMQP {@code message_id})
 * @param provider {@code github} or {@code jira}
 * @param deliveryId the provider's id of the delivery (GitHub's
 * {@code X-GitHub-Delivery}): a provider's retry has the same one
 * @param bodyBytes the size of the body as applied (fetched from the gateway when it
 * travelled by reference)
 */
public record ReceivedDelivery(UUID eventId, String provider, String eventType, String deliveryId, String correlationId,
		Instant receivedAt, int bodyBytes) {

	public ReceivedDelivery {
		if (provider.isBlank() || deliveryId.isBlank()) {
			throw new IllegalArgumentException("a received delivery needs its provider and delivery id");
		}
	}

}
