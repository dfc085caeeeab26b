package dev.switchboard.gateway.access;

/** What kind of thing a request does, as far as a role is concerned. */
public enum Operation {

	/** Looks, changes nothing (GET and HEAD only). */
	READ,

	/**
	 * Looks at one ticket's summary (GET and HEAD of {@code /api/tickets/{id}/summary}):
	 * what an agent sees beside the ticket in the helpdesk.
	 */
	TICKET_READ,

	/** Links a ticket to an issue, or removes such a link. */
	LINK,

	/** Publishes deliveries or dead letters again: one, a bulk job, or its cancel. */
	REPLAY,

	/** Removes a dead letter for good. */
	DISCARD,

	/** Starts something for a customer: a call, a remote session. */
	START,

	/** Ends the caller's own console session: every role may. */
	SIGN_OUT,

	/**
	 * Any other change: subscriptions, ending sessions, and every change no rule names
	 * (deny by default).
	 */
	CHANGE;

	/** Whether it changes nothing (a read, or signing out of one's own session). */
	public boolean looks() {
		return this == READ || this == TICKET_READ || this == SIGN_OUT;
	}

}
