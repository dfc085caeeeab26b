package dev.switchboard.statuspage.incident;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a feed poll read, recorded in one transaction: the updates its trails show, its
 * health, its validators (ETag, Last-Modified) and its next poll.
 */
@Service
public class FeedReadings {

	private static final Logger log = LoggerFactory.getLogger(FeedReadings.class);

	private final Feeds feeds;

	private final IncidentRecorder recorder;

	FeedReadings(Feeds feeds, IncidentRecorder recorder) {
		this.feeds = feeds;
		this.recorder = recorder;
	}

	@Transactional
	public void record(Feed feed, FeedFetch fetch, Instant now, Instant next, String correlationId) {
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
	}

}
