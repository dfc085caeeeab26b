package dev.switchboard.crmbridge.ticket;

/** What taking a command off the bus did. */
public enum Intake {

	/** First time this commandId was seen: stored as pending. */
	QUEUED,

	/** Seen before (a redelivery or a replay): nothing changed. */
	DUPLICATE,

	/**
	 * Not a command the helpdesk can take (its ticket id is not a helpdesk id): sent to
	 * the dead-letter queue with the reason, never stored, never sent to the helpdesk.
	 */
	REFUSED

}
