package dev.switchboard.statuspage.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Records updates from either source and fans the new ones out, holding the feed's row
 * (see {@link Feeds#lockForChange}). A feed's first run and a webhook's history (it lists
 * every earlier update) only record what is older than the first-run window: no backlog
 * flood. A Statuspage update seen in the feed first, without components (its entry names
 * none), waits up to the webhook grace for them before the filters apply; a later copy
 * from either source that names them ends the wait, one without them does not.
 */
@Component
class IncidentRecorder {

	static final String FEED = "feed";

	static final String WEBHOOK = "webhook";

	private final Feeds feeds;

	private final IncidentUpdates updates;

	private final UpdateFanOut fanOut;

	private final FeedProperties properties;

	private final Clock clock;

	IncidentRecorder(Feeds feeds, IncidentUpdates updates, UpdateFanOut fanOut, FeedProperties properties,
			Clock clock) {
		this.feeds = feeds;
		this.updates = updates;
		this.fanOut = fanOut;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return how many updates were new
	 */
	int record(Feed feed, List<IncidentUpdate> seen, String origin, boolean windowApplies, String correlationId) {
		// a subscription being added to this feed commits before or after this fan-out,
		// not during it
		this.feeds.lockForChange(feed.id());
		Instant now = this.clock.instant();
		Instant windowStart = now.minus(this.properties.firstRunWindow());
		// past the retention an update may have been purged: taking it again would post
		// it again
		Instant kept = now.minus(this.properties.retention());
		int fresh = 0;
		for (IncidentUpdate update : seen.stream()
			.filter((update) -> update.postedAt().isAfter(kept))
			.sorted(Comparator.comparing(IncidentUpdate::postedAt))
			.toList()) {
			boolean deliverable = !windowApplies || update.postedAt().isAfter(windowStart);
			UUID id = this.updates.recordIfAbsent(feed, update, origin, deliverable, now, correlationId);
			if (id != null) {
				fresh++;
				if (deliverable) {
					this.fanOut.fanOut(feed.id(), id, now, notBefore(feed, update, origin, now));
				}
			}
			else if (WEBHOOK.equals(origin) || update.components() != null) {
				UUID known = this.updates.enrich(feed, update, WEBHOOK.equals(origin));
				// only components end the wait: a copy without them leaves it to the
				// grace
				if (known != null && update.components() != null) {
					this.fanOut.releaseWaiting(known, now);
				}
			}
		}
		return fresh;
	}

	private Instant notBefore(Feed feed, IncidentUpdate update, String origin, Instant now) {
		boolean componentsUnknown = update.components() == null;
		return (feed.statuspage() && FEED.equals(origin) && componentsUnknown)
				? now.plus(this.properties.webhookGrace()) : now;
	}

}
