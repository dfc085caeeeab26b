package dev.switchboard.gateway.health;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The counters of this gateway instance that matter when something is wrong. */
public interface GatewayCounters {

	Counts read();

	/**
	 * Since this instance started.
	 *
	 * @param unavailable webhooks answered 503 because the broker did not confirm or the
	 * delivery log was unreachable
	 * @param overBudget webhooks answered 503 because the shared body budget was spent
	 * @param bodyBudgetLeft bytes of the body budget free now (null before the first
	 * webhook)
	 * @param downstreamUnavailable per service, admin and console calls it could not
	 * answer
	 */
	record Counts(long unavailable, long overBudget, @Nullable Long bodyBudgetLeft,
			Map<String, Long> downstreamUnavailable) {

		public Counts {
			downstreamUnavailable = Map.copyOf(downstreamUnavailable);
		}

		public long answered503() {
			return this.unavailable + this.overBudget;
		}

	}

}
