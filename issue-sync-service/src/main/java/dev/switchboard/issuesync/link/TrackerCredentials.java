package dev.switchboard.issuesync.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Remembers that a tracker refused Switchboard's credentials (401), so the adapters stop
 * calling it for a while instead of hammering it with a token that cannot work, and
 * health shows it. The first successful call clears it.
 */
@Component
public class TrackerCredentials {

	/** How long a refused tracker is not called. */
	public static final Duration HOLD_OFF = Duration.ofMinutes(5);

	private final Map<Tracker, Instant> refused = new ConcurrentHashMap<>();

	private final Clock clock;

	private final SyncMetrics metrics;

	public TrackerCredentials(Clock clock, SyncMetrics metrics) {
		this.clock = clock;
		this.metrics = metrics;
	}

	public void refused(Tracker tracker) {
		this.refused.put(tracker, this.clock.instant());
		this.metrics.trackerFailed(tracker, "Unauthorized");
	}

	public void accepted(Tracker tracker) {
		this.refused.remove(tracker);
	}

	/**
	 * When the tracker last refused the credentials, if it has not accepted them since.
	 */
	public Optional<Instant> refusedAt(Tracker tracker) {
		return Optional.ofNullable(this.refused.get(tracker));
	}

	/**
	 * @throws TrackerFailure.Unauthorized without calling, while the hold-off runs
	 */
	public void checkNotRefused(Tracker tracker) {
		Instant refusedAt = this.refused.get(tracker);
		if (refusedAt != null && this.clock.instant().isBefore(refusedAt.plus(HOLD_OFF))) {
			throw new TrackerFailure.Unauthorized(tracker);
		}
	}

}
