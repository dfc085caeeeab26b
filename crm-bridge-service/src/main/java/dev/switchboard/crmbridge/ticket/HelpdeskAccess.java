package dev.switchboard.crmbridge.ticket;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether the helpdesk accepts our credentials. After a 401/403 the drain stops writing
 * (and the command consumer is paused) until {@code authRecheck} has passed; health shows
 * it.
 */
@Component
public class HelpdeskAccess {

	private final Clock clock;

	private final CommandProperties properties;

	private volatile @Nullable Refusal refusal;

	public HelpdeskAccess(Clock clock, CommandProperties properties) {
		this.clock = clock;
		this.properties = properties;
	}

	public void refused(int status) {
		this.refusal = new Refusal(status, this.clock.instant());
	}

	public void accepted() {
		this.refusal = null;
	}

	public @Nullable Refusal refusal() {
		return this.refusal;
	}

	/** Whether a request may be tried now (never refused, or time to check again). */
	public boolean mayTry() {
		Refusal current = this.refusal;
		return current == null || !this.clock.instant().isBefore(current.at().plus(this.properties.authRecheck()));
	}

	/** The helpdesk refused our credentials with {@code status} at {@code at}. */
	public record Refusal(int status, Instant at) {
	}

}
