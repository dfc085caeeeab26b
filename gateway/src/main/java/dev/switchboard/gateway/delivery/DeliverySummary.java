package dev.switchboard.gateway.delivery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the delivery log without its headers and body: what a page of the log
 * lists, so that a page of large deliveries costs kilobytes.
 */
public record DeliverySummary(UUID id, String provider, String eventType, String deliveryId, String correlationId,
		Instant receivedAt, int sizeBytes, Outcome outcome, int attempts, int replays,
		@Nullable Instant lastReplayedAt) {
}
