package dev.switchboard.gateway.timeline;

import java.util.List;

import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.contracts.TimelineSubject;

/**
 * Everything Switchboard did about one subject, oldest first, merged from the gateway's
 * delivery log and the four services' timelines.
 *
 * @param value what was asked for, trimmed
 * @param subject what the value names
 * @param entries the merged entries, oldest first
 * @param missing the services that did not answer in time: their part is not in
 * {@code entries}
 */
public record Timeline(String value, TimelineSubject subject, List<TimelineEntry> entries, List<String> missing) {

	public Timeline {
		entries = List.copyOf(entries);
		missing = List.copyOf(missing);
	}

	public boolean complete() {
		return this.missing.isEmpty();
	}

}
