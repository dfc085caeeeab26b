package dev.switchboard.gateway.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A page of the delivery log, newest first, filtered by whatever is set. */
public record DeliveryQuery(@Nullable String provider, @Nullable String eventType, @Nullable Outcome outcome,
		@Nullable Instant from, @Nullable Instant to, int page, int size) {

	public static final int MAX_SIZE = 200;

	public DeliveryQuery {
		if (page < 0) {
			throw new IllegalArgumentException("page must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("from must not be after to");
		}
	}

}
