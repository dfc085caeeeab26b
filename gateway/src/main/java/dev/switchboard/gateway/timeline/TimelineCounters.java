package dev.switchboard.gateway.timeline;

import dev.switchboard.contracts.TimelineSubject;

/** What the timeline counts: lookups by subject, and the services left out of one. */
public interface TimelineCounters {

	void lookedUp(TimelineSubject subject);

	void missing(String service);

}
