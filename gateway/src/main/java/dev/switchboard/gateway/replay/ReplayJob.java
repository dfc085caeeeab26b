package dev.switchboard.gateway.replay;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A bulk replay: its filter, how many deliveries matched when it started, how many were
 * published again or failed so far, where it stands ({@code afterReceivedAt},
 * {@code afterId}: the last delivery handled), and who started and cancelled it.
 */
public record ReplayJob(UUID id, ReplayFilter filter, ReplayJobState state, long estimated, long replayed, long failed,
		@Nullable Instant afterReceivedAt, @Nullable UUID afterId, String createdBy, Instant createdAt,
		@Nullable Instant finishedAt, @Nullable String cancelledBy, @Nullable String lastError) {

	public long handled() {
		return this.replayed + this.failed;
	}

	/** Percent done, by the estimate (at most 100). */
	public int percent() {
		return (this.estimated == 0) ? 100 : (int) Math.min(100, this.handled() * 100 / this.estimated);
	}

}
