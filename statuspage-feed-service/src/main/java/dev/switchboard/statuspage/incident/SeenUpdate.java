package dev.switchboard.statuspage.incident;

import java.time.Instant;

/**
 * An update as it was recorded: what the timeline shows of an incident.
 *
 * @param title the incident's title
 * @param change opened, updated or resolved
 * @param seenAt when Switchboard recorded it (its posts were queued then)
 * @param origin {@code feed} or {@code webhook}: the copy seen first
 * @param deliverable false for history recorded on a feed's first run (not posted)
 */
public record SeenUpdate(String incidentCode, String title, String status, String change, String text, Instant postedAt,
		Instant seenAt, String origin, boolean deliverable) {

}
