package dev.switchboard.statuspage.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One poll of one feed, in one transaction that holds the feed's row: claim it if due,
 * fetch conditionally, record the updates it shows, schedule the next poll with jitter.
 */
@Service
public class FeedPoll {

	private static final Logger log = LoggerFactory.getLogger(FeedPoll.class);

	private final Feeds feeds;

	private final StatusFeed statusFeed;

	private final IncidentRecorder recorder;

	private final FeedProperties properties;

	private final Clock clock;

	FeedPoll(Feeds feeds, StatusFeed statusFeed, IncidentRecorder recorder, FeedProperties properties, Clock clock) {
		this.feeds = feeds;
		this.statusFeed = statusFeed;
		this.recorder = recorder;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return the outcome, or empty when another poller holds the feed or it is not due
	 */
	@Transactional
	public Optional<FeedFetch> poll(UUID feedId) {
		Instant now = this.clock.instant();
		Optional<Feed> claimed = this.feeds.claim(feedId, now);
		if (claimed.isEmpty()) {
			return Optional.empty();
		}
		Feed feed = claimed.get();
		String correlationId = "poll-" + UUID.randomUUID();
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", correlationId)) {
			FeedFetch fetch = this.statusFeed.fetch(feed.url(), feed.etag(), feed.lastModified());
			Instant next = now.plus(this.properties.pollInterval()).plus(jitter());
			switch (fetch) {
				case FeedFetch.Fetched fetched -> {
					List<IncidentUpdate> updates = fetched.entries()
						.stream()
						.flatMap((entry) -> StatusTrail.read(entry).stream())
						.sorted(Comparator.comparing(IncidentUpdate::postedAt))
						.toList();
					int fresh = this.recorder.record(feed, updates, IncidentRecorder.FEED, feed.firstPolledAt() == null,
							correlationId);
					this.feeds.fetched(feed.id(), now, next, fetched.etag(), fetched.lastModified(), fresh);
					log.info("Feed {} read: {} entries, {} new updates", feed.id(), fetched.entries().size(), fresh);
				}
				case FeedFetch.NotModified notModified -> this.feeds.notModified(feed.id(), now, next);
				case FeedFetch.Failed failed -> {
					this.feeds.failed(feed.id(), now, next, failed.reason());
					log.warn("Feed {} failed: {}", feed.id(), failed.reason());
				}
			}
			return Optional.of(fetch);
		}
	}

	private Duration jitter() {
		long bound = this.properties.pollJitter().toMillis();
		return (bound <= 0) ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound + 1));
	}

}
