package dev.switchboard.statuspage.incident.scheduling;

import dev.switchboard.statuspage.incident.FeedPoller;
import dev.switchboard.statuspage.incident.IncidentAnnouncer;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The ticks that drive polling and the {@code status.incidents} outbox. Every instance
 * ticks; the rows decide who works ({@code FOR UPDATE SKIP LOCKED}).
 */
@Component
class IncidentSchedules {

	private static final Logger log = LoggerFactory.getLogger(IncidentSchedules.class);

	private final FeedPoller poller;

	private final IncidentAnnouncer announcer;

	private final MeterRegistry meters;

	IncidentSchedules(FeedPoller poller, IncidentAnnouncer announcer, MeterRegistry meters) {
		this.poller = poller;
		this.announcer = announcer;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${statuspage-feed.poll-tick:1s}",
			initialDelayString = "${statuspage-feed.poll-tick:1s}")
	void pollDueFeeds() {
		try {
			this.meters.counter("switchboard.feed.polls").increment(this.poller.pollDue());
		}
		catch (RuntimeException ex) {
			log.warn("Polling the due feeds failed: {}", ex.toString());
		}
	}

	@Scheduled(fixedDelayString = "${statuspage-feed.poll-tick:1s}",
			initialDelayString = "${statuspage-feed.poll-tick:1s}")
	void announceNewUpdates() {
		try {
			this.meters.counter("switchboard.incidents.published").increment(this.announcer.publishPending());
		}
		catch (RuntimeException ex) {
			this.meters.counter("switchboard.incidents.publish-failures").increment();
			log.warn("Publishing incident updates failed, retried on the next tick: {}", ex.toString());
		}
	}

}
