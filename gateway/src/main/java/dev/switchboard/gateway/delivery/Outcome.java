package dev.switchboard.gateway.delivery;

/** What became of a logged delivery's last publish. */
public enum Outcome {

	/**
	 * Confirmed by the broker: the provider got a 2xx, and later copies are duplicates.
	 */
	PUBLISHED,

	/**
	 * Verified but not confirmed (the provider got a 503): a retry is accepted, or an
	 * operator replays it.
	 */
	UNCONFIRMED

}
