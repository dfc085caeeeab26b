package dev.switchboard.gateway.webhook;

/** Whether the broker took responsibility for a delivery. */
public sealed interface PublishOutcome {

	/** Routed to its owner's queue and confirmed: safe to answer 2xx. */
	record Confirmed() implements PublishOutcome {
	}

	/**
	 * Not confirmed (broker down, nack, unroutable, no confirm in time): the provider
	 * must retry.
	 */
	record NotConfirmed(String reason) implements PublishOutcome {
	}

}
