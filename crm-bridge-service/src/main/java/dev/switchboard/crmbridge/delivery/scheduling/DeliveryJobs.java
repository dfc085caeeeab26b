package dev.switchboard.crmbridge.delivery.scheduling;

import dev.switchboard.crmbridge.delivery.DeliveryRouter;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once across instances (ShedLock, a short lease extended while the job runs:
 * {@code crm-bridge.scheduling.lock-lease}): deliveries of every provider parked while
 * the helpdesk was rate limited or unavailable, routed again once due.
 */
@Component
class DeliveryJobs {

	private static final Logger log = LoggerFactory.getLogger(DeliveryJobs.class);

	private final DeliveryRouter router;

	DeliveryJobs(DeliveryRouter router) {
		this.router = router;
	}

	@Scheduled(fixedDelayString = "${crm-bridge.parking.check-interval:1s}")
	@SchedulerLock(name = "crm-bridge-parked-deliveries")
	void resumeParkedDeliveries() {
		int taken = this.router.resumeDue();
		if (taken > 0) {
			log.debug("Took up {} parked deliveries", taken);
		}
	}

}
