package dev.switchboard.gateway.health;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether one process is ready to work, as its readiness probe says.
 *
 * @param components each checked part and its status ({@code db}: {@code UP}), when the
 * probe tells them, by name
 * @param advice what to check when it is not ready (fixed text and configuration, never
 * an exception)
 */
public record Readiness(String name, State state, Map<String, String> components, String advice) {

	public Readiness {
		components = Collections.unmodifiableMap(new TreeMap<>(components));
	}

	/** Where a process stands. */
	public enum State {

		/** Its probe answered UP. */
		READY,

		/**
		 * It answered, but not UP (its database or broker is down, or it is stopping).
		 */
		NOT_READY,

		/** It did not answer at all (not running, wrong address, timed out). */
		UNREACHABLE

	}

}
