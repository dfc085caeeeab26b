package dev.switchboard.statuspage.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The feeds to poll, one row per distinct URL. */
public interface Feeds {

	/** Registers a feed URL unless known; returns its id either way. */
	UUID register(String url, @Nullable String pageId, boolean statuspage, Instant now);

	/** Ids of feeds whose next poll is due (no lock: candidates only). */
	List<UUID> due(Instant now, int limit);

	/**
	 * Locks the feed's row for this transaction if its poll is still due and nobody else
	 * holds it ({@code FOR UPDATE SKIP LOCKED}).
	 */
	Optional<Feed> claim(UUID id, Instant now);

	void fetched(UUID id, Instant now, Instant nextPollAt, @Nullable String etag, @Nullable String lastModified,
			int newUpdates);

	void notModified(UUID id, Instant now, Instant nextPollAt);

	void failed(UUID id, Instant now, Instant nextPollAt, String reason);

	/** Feeds of a Statuspage page (its webhooks carry the page id). */
	List<Feed> ofPage(String pageId);

	List<FeedHealth> health(Instant now, FeedProperties properties);

}
