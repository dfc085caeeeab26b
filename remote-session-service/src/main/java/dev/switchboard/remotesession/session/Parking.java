package dev.switchboard.remotesession.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a start that waits for its vendor stands.
 *
 * @param nextAttemptAt when the vendor is tried again ({@code null} once it is not
 * parked)
 * @param attempts how many times the vendor was tried and failed
 * @param lastFailure how the last attempt failed, e.g. "answered 503"
 */
public record Parking(@Nullable Instant nextAttemptAt, int attempts, @Nullable String lastFailure) {

	public static final Parking NONE = new Parking(null, 0, null);

}
