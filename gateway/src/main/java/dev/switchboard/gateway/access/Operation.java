package dev.switchboard.gateway.access;

/** What kind of thing a request does, as far as a role is concerned. */
public enum Operation {

	/** Looks, changes nothing (GET and HEAD only). */
	READ,

	/** Publishes deliveries or dead letters again: one, a bulk job, or its cancel. */
	REPLAY,

	/** Removes a dead letter for good. */
	DISCARD,

	/** Starts something for a customer: a call, a remote session. */
	START,

	/**
	 * Any other change: links, subscriptions, ending sessions, and every change no rule
	 * names (deny by default).
	 */
	CHANGE

}
