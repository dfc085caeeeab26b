package dev.switchboard.gateway.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Timestamped schemes refuse deliveries signed more than five minutes from now (replays).
 */
public final class Freshness {

	public static final Duration TOLERANCE = Duration.ofMinutes(5);

	private Freshness() {
	}

	public static boolean fresh(Instant signedAt, Clock clock) {
		return Duration.between(signedAt, clock.instant()).abs().compareTo(TOLERANCE) <= 0;
	}

}
