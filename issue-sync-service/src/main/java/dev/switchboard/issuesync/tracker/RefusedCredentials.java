package dev.switchboard.issuesync.tracker;

import java.time.Instant;
import java.util.Optional;

/**
 * When each tracker last refused the credentials (durable: the hold-off survives a
 * restart). Writes commit on their own, whatever happens to the caller's transaction.
 */
public interface RefusedCredentials {

	Optional<Instant> refusedAt(Tracker tracker);

	void refused(Tracker tracker, Instant at);

	void accepted(Tracker tracker);

}
