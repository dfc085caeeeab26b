package dev.switchboard.issuesync.tracker;

import java.util.function.Predicate;

/**
 * What the Resilience4j retries {@code github} and {@code jira} retry in place
 * ({@code retry-exception-predicate} in application.yml): 5xx, timeouts and a rate limit
 * that lifts within seconds. Everything else fails at once (a long rate limit is parked).
 */
public class RetryableTrackerFailure implements Predicate<Throwable> {

	@Override
	public boolean test(Throwable failure) {
		return switch (failure) {
			case TrackerFailure.Unavailable unavailable -> true;
			case TrackerFailure.RateLimited limited -> limited.shortWait();
			default -> false;
		};
	}

}
