package dev.switchboard.gateway.health;

import java.time.Instant;
import java.util.List;

import dev.switchboard.gateway.deadletter.DeadLetterQueue;
import org.jspecify.annotations.Nullable;

/**
 * The health page's content, taken at {@code at}.
 *
 * @param deadLetters every dead-letter queue with its depth; null when RabbitMQ could not
 * be asked ({@code deadLettersProblem} says what to check)
 */
public record HealthReport(Instant at, Readiness gateway, List<Readiness> services,
		@Nullable List<DeadLetterQueue> deadLetters, @Nullable String deadLettersProblem,
		GatewayCounters.Counts counters) {

	public long deadLetterTotal() {
		return (this.deadLetters != null) ? this.deadLetters.stream().mapToLong(DeadLetterQueue::depth).sum() : 0;
	}

}
