package dev.switchboard.issuesync.link;

import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * The tracker's Resilience4j retry as configured
 * ({@code resilience4j.retry.instances.*}), except that a short rate limit is waited out
 * exactly: until the {@code Retry-After} or {@code x-ratelimit-reset} the tracker named,
 * not after the exponential back-off, which stays for 5xx and timeouts.
 */
public final class RateLimitAwareRetry {

	private RateLimitAwareRetry() {
	}

	public static Retry of(RetryRegistry retries, String name, Clock clock) {
		RetryConfig configured = retries.retry(name).getRetryConfig();
		IntervalBiFunction<Object> backOff = configured.getIntervalBiFunction();
		RetryConfig exact = RetryConfig.from(configured).intervalBiFunction((attempt, outcome) -> {
			if (outcome.isLeft() && outcome.getLeft() instanceof TrackerFailure.RateLimited limited) {
				return Math.max(0L, Duration.between(clock.instant(), limited.retryAt()).toMillis());
			}
			return backOff.apply(attempt, outcome);
		}).build();
		Retry retry = Retry.of(name, exact);
		retries.replace(name, retry);
		return retry;
	}

}
