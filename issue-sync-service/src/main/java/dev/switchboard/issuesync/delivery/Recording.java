package dev.switchboard.issuesync.delivery;

/** What recording a delivery did. */
public enum Recording {

	/** First time this delivery was seen: recorded. */
	RECORDED,

	/** Seen before (a redelivery or the provider's retry): nothing changed. */
	DUPLICATE

}
