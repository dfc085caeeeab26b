package dev.switchboard.gateway.delivery.scheduling;

import java.time.Clock;

import dev.switchboard.gateway.delivery.DeliveryLog;
import dev.switchboard.gateway.delivery.DeliveryLogProperties;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes deliveries older than the retention window, on one gateway instance at a time.
 */
@Component
class DeliveryLogPurge {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLogPurge.class);

	private final DeliveryLog deliveries;

	private final DeliveryLogProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	DeliveryLogPurge(DeliveryLog deliveries, DeliveryLogProperties properties, Clock clock, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	@Scheduled(initialDelayString = "${gateway.delivery-log.purge-interval:1h}",
			fixedDelayString = "${gateway.delivery-log.purge-interval:1h}")
	@SchedulerLock(name = "delivery-log-purge", lockAtMostFor = "PT1M")
	void purge() {
		int removed = this.deliveries.purgeReceivedBefore(this.clock.instant().minus(this.properties.retention()));
		this.meters.counter("switchboard.deliveries.purged").increment(removed);
		if (removed > 0) {
			log.info("Purged {} deliveries older than {}", removed, this.properties.retention());
		}
	}

}
