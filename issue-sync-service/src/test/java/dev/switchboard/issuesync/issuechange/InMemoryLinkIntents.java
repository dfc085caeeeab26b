package dev.switchboard.issuesync.issuechange;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.issuesync.link.LinkIntents;
import dev.switchboard.issuesync.tracker.Tracker;

/** {@link LinkIntents} in a map. */
class InMemoryLinkIntents implements LinkIntents {

	private final Map<UUID, Intent> intents = new LinkedHashMap<>();

	@Override
	public UUID begin(Tracker tracker, String key, Instant now) {
		UUID id = UUID.randomUUID();
		this.intents.put(id, new Intent(tracker, key, now));
		return id;
	}

	@Override
	public void end(UUID id) {
		this.intents.remove(id);
	}

	@Override
	public boolean inFlight(Tracker tracker, String key, Instant since) {
		return this.intents.values()
			.stream()
			.anyMatch((intent) -> intent.tracker() == tracker && intent.key().equals(key)
					&& !intent.at().isBefore(since));
	}

	private record Intent(Tracker tracker, String key, Instant at) {
	}

}
