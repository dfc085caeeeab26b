package dev.switchboard.issuesync.link;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * What a write answers: ids of the messages it produces are derived from {@link #key()},
 * so the same cause always yields the same ids and receivers drop repeats.
 *
 * @param key stable text naming the causing event
 * @param at when the causing event happened at its source
 */
public record Cause(String key, String correlationId, Instant at) {

	public Cause {
		if (key.isBlank() || correlationId.isBlank()) {
			throw new IllegalArgumentException("a cause needs a key and a correlation id");
		}
	}

	/** A name-based id for one output of this cause. */
	public UUID id(String... parts) {
		return UUID.nameUUIDFromBytes((this.key + "|" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8));
	}

}
