package dev.switchboard.crmbridge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crm-bridge.scheduling.*}.
 *
 * @param lockLease how long a scheduled job's ShedLock holds without being extended: the
 * running job's instance extends it every half lease, so a killed instance's job is taken
 * over by another within one lease. ShedLock's keep-alive refuses less than 30 seconds.
 */
@ConfigurationProperties("crm-bridge.scheduling")
record SchedulingProperties(@DefaultValue("30s") Duration lockLease) {

	static final Duration SHORTEST_LEASE = Duration.ofSeconds(30);

	SchedulingProperties {
		if (lockLease.compareTo(SHORTEST_LEASE) < 0) {
			throw new IllegalArgumentException("crm-bridge.scheduling.lock-lease must be at least " + SHORTEST_LEASE
					+ " (ShedLock's KeepAliveLockProvider refuses less), was " + lockLease);
		}
	}

}
