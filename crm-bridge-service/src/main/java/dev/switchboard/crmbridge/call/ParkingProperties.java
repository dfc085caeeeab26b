package dev.switchboard.crmbridge.call;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crm-bridge.calls.parking.*}: callbacks parked while the helpdesk is unavailable.
 *
 * @param backoff the wait after the first failure without a {@code Retry-After}, doubling
 * with each further failure
 * @param maxBackoff the longest such wait
 * @param checkInterval how often the due callbacks are taken up again
 * @param batch at most this many callbacks per run
 */
@ConfigurationProperties("crm-bridge.calls.parking")
public record ParkingProperties(@DefaultValue("5s") Duration backoff, @DefaultValue("5m") Duration maxBackoff,
		@DefaultValue("1s") Duration checkInterval, @DefaultValue("50") int batch) {

	/** The wait before attempt {@code failures + 1}, capped at {@link #maxBackoff}. */
	public Duration backoffAfter(int failures) {
		int doublings = Math.min(Math.max(failures - 1, 0), 20);
		Duration wait = this.backoff.multipliedBy(1L << doublings);
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
