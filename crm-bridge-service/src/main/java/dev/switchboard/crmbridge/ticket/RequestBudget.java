package dev.switchboard.crmbridge.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * The account-wide request budget per minute (fixed windows). Kept in memory: the drainer
 * runs on one instance at a time (ShedLock); after a restart a 429 parks what is over.
 */
@Component
public class RequestBudget {

	private final Clock clock;

	private final int perMinute;

	private Instant windowStart = Instant.EPOCH;

	private int used;

	public RequestBudget(Clock clock, CommandProperties properties) {
		this.clock = clock;
		this.perMinute = properties.requestsPerMinute();
	}

	/** Takes one request from the budget, or says when the next one is available. */
	public synchronized Instant tryAcquire() {
		Instant now = this.clock.instant();
		if (!now.isBefore(this.windowStart.plus(Duration.ofMinutes(1)))) {
			this.windowStart = now;
			this.used = 0;
		}
		if (this.used >= this.perMinute) {
			return this.windowStart.plus(Duration.ofMinutes(1));
		}
		this.used++;
		return Instant.MIN;
	}

}
