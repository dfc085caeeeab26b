package dev.switchboard.statuspage.timeline.web;

/** A timeline asked for with no subject, several, or a malformed one: 400. */
class InvalidTimelineQuery extends RuntimeException {

	InvalidTimelineQuery(String message) {
		super(message);
	}

}
