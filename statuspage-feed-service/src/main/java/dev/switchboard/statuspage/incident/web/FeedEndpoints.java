package dev.switchboard.statuspage.incident.web;

import java.time.Clock;
import java.util.List;

import dev.switchboard.statuspage.incident.FeedHealth;
import dev.switchboard.statuspage.incident.FeedProperties;
import dev.switchboard.statuspage.incident.Feeds;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/feeds}: per feed, last successful fetch, last error, consecutive
 * failures, last change, updates seen, and whether it is healthy.
 */
@RestController
class FeedEndpoints {

	private final Feeds feeds;

	private final FeedProperties properties;

	private final Clock clock;

	FeedEndpoints(Feeds feeds, FeedProperties properties, Clock clock) {
		this.feeds = feeds;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/api/feeds")
	List<FeedHealth> feeds() {
		return this.feeds.health(this.clock.instant(), this.properties)
			.stream()
			.map((feed) -> new FeedHealth(feed.id(), dev.switchboard.statuspage.incident.MaskedUrls.masked(feed.url()),
					feed.pageId(), feed.lastSuccessAt(), feed.lastError(), feed.lastErrorAt(),
					feed.consecutiveFailures(), feed.lastModified(), feed.updatesSeen(), feed.subscriptions(),
					feed.healthy()))
			.toList();
	}

}
