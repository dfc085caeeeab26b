package dev.switchboard.sandbox.story;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for Switchboard's reaction to show in a simulated system. */
final class Await {

	/** How long a story waits for one reaction before it says it failed. */
	static final Duration PATIENCE = Duration.ofSeconds(120);

	private Await() {
	}

	static boolean until(BooleanSupplier condition) {
		return until(PATIENCE, condition);
	}

	static boolean until(Duration patience, BooleanSupplier condition) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) {
				return true;
			}
			if (!pause(Duration.ofMillis(500))) {
				return false;
			}
		}
		return condition.getAsBoolean();
	}

	/** Sleeps; false when interrupted. */
	static boolean pause(Duration duration) {
		try {
			Thread.sleep(duration);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static String firstLine(String text) {
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
