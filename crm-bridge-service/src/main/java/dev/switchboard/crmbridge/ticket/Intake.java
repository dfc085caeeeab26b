package dev.switchboard.crmbridge.ticket;

/** What taking a command off the bus did. */
public enum Intake {

	/** First time this commandId was seen: stored as pending. */
	QUEUED,

	/** Seen before (a redelivery or a replay): nothing changed. */
	DUPLICATE

}
