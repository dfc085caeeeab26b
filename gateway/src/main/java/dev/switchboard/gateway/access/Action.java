package dev.switchboard.gateway.access;

import org.jspecify.annotations.Nullable;

/**
 * What one request does: its kind (which roles may), a name for the audit
 * ({@code delivery.replay}, {@code dead-letter.discard}, or the method and path of a
 * change no rule names) and what it acts on (a delivery or job id, a queue, a routed
 * path), if the path says.
 */
public record Action(Operation operation, String name, @Nullable String target) {

	public boolean change() {
		return !this.operation.looks();
	}

}
