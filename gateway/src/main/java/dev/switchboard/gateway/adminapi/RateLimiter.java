package dev.switchboard.gateway.adminapi;

import java.time.Duration;
import java.util.Optional;

/** The per-key request budget of the admin API, shared by every gateway instance. */
public interface RateLimiter {

	/**
	 * Takes one request from the key's budget; empty when allowed, else how long to wait.
	 */
	Optional<Duration> tryAcquire(String keyName);

}
