package dev.switchboard.statuspage.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.MDC;

import org.springframework.stereotype.Service;

/**
 * One poll of one feed, holding no database connection while it fetches: a short
 * transaction leases the feed if due (claimed {@code FOR UPDATE SKIP LOCKED}, its next
 * poll moved past the fetch's deadline); the fetch runs outside any transaction;
 * {@link FeedReadings} records what it showed and schedules the next poll with jitter in
 * a second one. A poll that dies half-way (a crash, an exception) leaves its feed leased:
 * it is polled again when the lease runs out, not on every tick.
 */
@Service
public class FeedPoll {

	private final Feeds feeds;

	private final StatusFeed statusFeed;

	private final FeedReadings readings;

	private final FeedProperties properties;

	private final Clock clock;

	FeedPoll(Feeds feeds, StatusFeed statusFeed, FeedReadings readings, FeedProperties properties, Clock clock) {
		this.feeds = feeds;
		this.statusFeed = statusFeed;
		this.readings = readings;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return the outcome, or empty when another poller holds the feed or it is not due
	 */
	public Optional<FeedFetch> poll(UUID feedId) {
		Instant now = this.clock.instant();
		// past the fetch's deadline, so no other poller takes the feed while it is read
		Duration lease = max(this.properties.pollInterval(), this.properties.callTimeout())
			.plus(this.properties.pollJitter());
		Optional<Feed> leased = this.feeds.lease(feedId, now, now.plus(lease));
		if (leased.isEmpty()) {
			return Optional.empty();
		}
		Feed feed = leased.get();
		String correlationId = "poll-" + UUID.randomUUID();
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", correlationId)) {
			FeedFetch fetch = this.statusFeed.fetch(feed.url(), feed.etag(), feed.lastModified());
			Instant next = now.plus(this.properties.pollInterval()).plus(jitter());
			this.readings.record(feed, fetch, now, next, correlationId);
			return Optional.of(fetch);
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private Duration jitter() {
		long bound = this.properties.pollJitter().toMillis();
		return (bound <= 0) ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound + 1));
	}

}
