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
	 * Leases the feed if its poll is still due and nobody else holds its row
	 * ({@code FOR UPDATE SKIP LOCKED}): its next poll moves to {@code until}, so no other
	 * poller takes it while it is fetched, outside any transaction.
	 * @return the leased feed, or empty when it was not due or held
	 */
	Optional<Feed> lease(UUID id, Instant now, Instant until);

	void fetched(UUID id, Instant now, Instant nextPollAt, @Nullable String etag, @Nullable String lastModified,
			int newUpdates);

	void notModified(UUID id, Instant now, Instant nextPollAt);

	void failed(UUID id, Instant now, Instant nextPollAt, String reason);

	/**
	 * Waits for and locks the feed's row for this transaction. Recording a feed's updates
	 * and adding a subscription to it both take it first, so a subscription added while
	 * an update is recorded gets that update either from the fan-out or as an open
	 * incident, never from neither.
	 */
	void lockForChange(UUID id);

	/** Feeds of a Statuspage page (its webhooks carry the page id), in id order. */
	List<Feed> ofPage(String pageId);

	List<FeedHealth> health(Instant now, FeedProperties properties);

}
