package dev.switchboard.crmbridge.ticket;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * {@link RequestBudget} in memory: spent when the test says so, counting what is spent.
 */
public final class InMemoryRequestBudget implements RequestBudget {

	private @Nullable Duration exhaustedFor;

	private int spent;

	@Override
	public Optional<Duration> exhaustedFor() {
		return Optional.ofNullable(this.exhaustedFor);
	}

	@Override
	public void spend() {
		this.spent++;
	}

	/** The account's budget allows the next request only after {@code wait}. */
	public void exhaustedFor(Duration wait) {
		this.exhaustedFor = wait;
	}

	public void refilled() {
		this.exhaustedFor = null;
	}

	public int spent() {
		return this.spent;
	}

}
