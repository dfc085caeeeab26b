package dev.switchboard.gateway.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A page of the delivery log, newest first (or oldest first, for a timeline), filtered by
 * whatever is set.
 *
 * @param containing a value the delivery's headers, body, summary or ids contain (a
 * CallSid, an issue number, a ticket id), compared exactly
 */
public record DeliveryQuery(@Nullable String provider, @Nullable String eventType, @Nullable Outcome outcome,
		@Nullable Instant from, @Nullable Instant to, @Nullable String containing, boolean oldestFirst, int page,
		int size) {

	public static final int MAX_SIZE = 200;

	/** The longest value searched for. */
	public static final int MAX_CONTAINING = 200;

	public DeliveryQuery(@Nullable String provider, @Nullable String eventType, @Nullable Outcome outcome,
			@Nullable Instant from, @Nullable Instant to, int page, int size) {
		this(provider, eventType, outcome, from, to, null, false, page, size);
	}

	public DeliveryQuery {
		containing = (containing == null || containing.isBlank()) ? null : containing.strip();
		if (containing != null && containing.length() > MAX_CONTAINING) {
			throw new IllegalArgumentException("search for at most " + MAX_CONTAINING + " characters");
		}
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
