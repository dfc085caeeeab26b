package dev.switchboard.issuesync.tracker;

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
 * health shows it. The first successful call clears it. Stored, so a restart keeps the
 * hold-off.
 */
@Component
public class TrackerCredentials {

	/** How long a refused tracker is not called. */
	public static final Duration HOLD_OFF = Duration.ofMinutes(5);

	/** The stored state, read once per tracker and kept in step with every write. */
	private final Map<Tracker, Optional<Instant>> refused = new ConcurrentHashMap<>();

	private final RefusedCredentials store;

	private final Clock clock;

	private final SyncMetrics metrics;

	public TrackerCredentials(RefusedCredentials store, Clock clock, SyncMetrics metrics) {
		this.store = store;
		this.clock = clock;
		this.metrics = metrics;
	}

	public void refused(Tracker tracker) {
		Instant at = this.clock.instant();
		this.store.refused(tracker, at);
		this.refused.put(tracker, Optional.of(at));
		this.metrics.trackerFailed(tracker, "Unauthorized");
	}

	public void accepted(Tracker tracker) {
		if (refusedAt(tracker).isPresent()) {
			this.store.accepted(tracker);
			this.refused.put(tracker, Optional.empty());
		}
	}

	/**
	 * When the tracker last refused the credentials, if it has not accepted them since
	 * (also before a restart).
	 */
	public Optional<Instant> refusedAt(Tracker tracker) {
		return this.refused.computeIfAbsent(tracker, this.store::refusedAt);
	}

	/**
	 * @throws TrackerFailure.Unauthorized without calling, while the hold-off runs
	 */
	public void checkNotRefused(Tracker tracker) {
		Optional<Instant> refusedAt = refusedAt(tracker);
		if (refusedAt.isPresent() && this.clock.instant().isBefore(refusedAt.get().plus(HOLD_OFF))) {
			throw new TrackerFailure.Unauthorized(tracker);
		}
	}

}
