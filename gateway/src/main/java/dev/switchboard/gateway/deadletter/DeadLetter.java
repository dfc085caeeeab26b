package dev.switchboard.gateway.deadletter;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One message in a dead-letter queue.
 *
 * @param originalQueue the queue it failed in (and goes back to on replay)
 * @param exception the failure as the consumer reported it ({@code x-exception-message},
 * or the broker's {@code x-death} reason)
 * @param headers the exception and origin headers (never the body, never a stack trace)
 */
public record DeadLetter(@Nullable String messageId, String originalQueue, @Nullable String originalExchange,
		@Nullable String originalRoutingKey, @Nullable String exception, @Nullable Instant deadLetteredAt,
		int sizeBytes, Map<String, String> headers) {
}
