package dev.switchboard.statuspage.retention.scheduling;

import java.time.Clock;

import dev.switchboard.statuspage.incident.FeedProperties;
import dev.switchboard.statuspage.retention.Retention;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges what is older than {@code statuspage-feed.retention}, hourly, on one instance at
 * a time: a 30 s ShedLock lock that the keep-alive provider extends while the purge runs
 * (see {@code SchedulingConfiguration}), so an instance killed mid-purge holds the next
 * one back for 30 s, not for the length of a long lock.
 */
@Component
class RetentionPurge {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	private final Retention retention;

	private final FeedProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	RetentionPurge(Retention retention, FeedProperties properties, Clock clock, MeterRegistry meters) {
		this.retention = retention;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	@Scheduled(initialDelayString = "${statuspage-feed.purge-interval:1h}",
			fixedDelayString = "${statuspage-feed.purge-interval:1h}")
	@SchedulerLock(name = "statuspage-retention-purge", lockAtMostFor = "PT30S")
	void purge() {
		try {
			Retention.Purged purged = this.retention
				.purgeBefore(this.clock.instant().minus(this.properties.retention()));
			this.meters.counter("switchboard.retention.purged").increment(purged.total());
			if (purged.total() > 0) {
				log.info("Purged what is older than {}: {}", this.properties.retention(), purged);
			}
		}
		catch (RuntimeException ex) {
			this.meters.counter("switchboard.retention.failures").increment();
			log.warn("The retention purge failed, tried again at the next interval: {}", ex.toString());
		}
	}

}
