package dev.switchboard.issuesync.link;

import java.time.Instant;
import java.util.UUID;

import dev.switchboard.issuesync.tracker.Tracker;

/**
 * Links being made right now, by the key as the ticket named it: a webhook about
 * an issue nobody links yet checks here before it drops the change.
 */
public interface LinkIntents {

	/** Records the intent and commits it at once (before the tracker is read). */
	UUID begin(Tracker tracker, String key, Instant now);

	/** Removes the intent (in the link's transaction). */
	void end(UUID id);

	/**
	 * Whether a link to the issue started at or after {@code since} and is not committed.
	 */
	boolean inFlight(Tracker tracker, String key, Instant since);

}
