package dev.switchboard.gateway.timeline;

import java.util.List;

import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.contracts.TimelineSubject;

/**
 * One service's part of a timeline ({@code GET /api/timeline?<parameter>=<value>} on its
 * admin API).
 */
public interface ServiceTimelines {

	/**
	 * The service's entries about the subject, oldest first.
	 * @throws RuntimeException when the service cannot be reached, times out or answers
	 * something else than its timeline
	 */
	List<TimelineEntry> of(String service, TimelineSubject subject, String value);

}
