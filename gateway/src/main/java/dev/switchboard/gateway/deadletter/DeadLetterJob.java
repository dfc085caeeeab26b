package dev.switchboard.gateway.deadletter;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * "Replay all" of one dead-letter queue as a job: how many messages were there when it
 * started ({@code estimated}, the job's bound), how many it moved back so far, how many
 * of those were back in the dead-letter queue after their batch, and who started or
 * cancelled it.
 */
public record DeadLetterJob(UUID id, String queue, State state, long estimated, long moved, long failedAgain,
		String createdBy, Instant createdAt, @Nullable Instant finishedAt, @Nullable String cancelledBy,
		@Nullable String lastError) {

	/** Where a job stands. */
	public enum State {

		/** Moving one batch after another. */
		RUNNING,

		/**
		 * Every message that was there at the start was moved, or the queue ran empty.
		 */
		FINISHED,

		/** Stopped by an operator; what was moved stays moved. */
		CANCELLED,

		/**
		 * Stopped by the gateway: RabbitMQ was not reachable or did not confirm (see the
		 * last error).
		 */
		FAILED

	}

	public boolean running() {
		return this.state == State.RUNNING;
	}

	/** Percent done, by the estimate (at most 100). */
	public int percent() {
		return (this.estimated == 0) ? 100 : (int) Math.min(100, this.moved * 100 / this.estimated);
	}

}
