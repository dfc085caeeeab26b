package dev.switchboard.statuspage.subscription;

/** Whether a subscription's updates go out. */
public enum SubscriptionState {

	/** Delivered as they come. */
	ACTIVE,

	/** Paused by an operator: new updates are not queued for it. */
	PAUSED,

	/**
	 * The channel refused us (e.g. Slack {@code not_in_channel}): updates stay pending
	 * and go out in order once it is resumed.
	 */
	FAILING

}
