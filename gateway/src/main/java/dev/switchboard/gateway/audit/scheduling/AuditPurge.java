package dev.switchboard.gateway.audit.scheduling;

import java.time.Clock;

import dev.switchboard.gateway.audit.AuditLog;
import dev.switchboard.gateway.audit.AuditProperties;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes audit entries older than {@code gateway.audit.retention}, on one gateway
 * instance at a time; {@code switchboard_audit_purged_total} counts them.
 */
@Component
class AuditPurge {

	private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);

	private final AuditLog audit;

	private final AuditProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	AuditPurge(AuditLog audit, AuditProperties properties, Clock clock, MeterRegistry meters) {
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	@Scheduled(initialDelayString = "${gateway.audit.purge-interval:1h}",
			fixedDelayString = "${gateway.audit.purge-interval:1h}")
	@SchedulerLock(name = "audit-purge", lockAtMostFor = "PT5M")
	void purge() {
		int removed = this.audit.purgeOccurredBefore(this.clock.instant().minus(this.properties.retention()));
		this.meters.counter("switchboard.audit.purged").increment(removed);
		if (removed > 0) {
			log.info("Purged {} audit entries older than {}", removed, this.properties.retention());
		}
	}

}
