package dev.switchboard.crmbridge.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crm-bridge.parking.*}: deliveries (Zendesk events, Twilio callbacks) parked
 * while the helpdesk is rate limited or unavailable.
 *
 * @param backoff the wait after the first failure without a {@code Retry-After}, doubling
 * with each further failure
 * @param maxBackoff the longest such wait (also the wait of a parked delivery the
 * helpdesk now refuses)
 * @param checkInterval how often the due deliveries are taken up again
 * @param batch at most this many deliveries per run
 */
@ConfigurationProperties("crm-bridge.parking")
public record ParkingProperties(@DefaultValue("5s") Duration backoff, @DefaultValue("5m") Duration maxBackoff,
		@DefaultValue("1s") Duration checkInterval, @DefaultValue("50") int batch) {

	/** The wait before attempt {@code failures + 1}, capped at {@link #maxBackoff}. */
	public Duration backoffAfter(int failures) {
		int doublings = Math.min(Math.max(failures - 1, 0), 20);
		Duration wait = this.backoff.multipliedBy(1L << doublings);
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
