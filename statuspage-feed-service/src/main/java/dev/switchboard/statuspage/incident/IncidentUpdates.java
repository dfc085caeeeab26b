package dev.switchboard.statuspage.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.switchboard.contracts.IncidentEvent;

/** Every update seen per feed, once, and the outbox of {@code status.incidents}. */
public interface IncidentUpdates {

	/**
	 * Records the update unless the same (incident, minute, status) is known for the
	 * feed, and moves the incident's current status forward (never backwards).
	 * @return the new row's id, or {@code null} when it was known already
	 */
	@org.jspecify.annotations.Nullable
	UUID recordIfAbsent(Feed feed, IncidentUpdate update, String origin, boolean deliverable, Instant now,
			String correlationId);

	/**
	 * Adds what a later copy of a known update knows. A webhook's components replace the
	 * feed's (they are the update's own) and its impact is taken; a feed's components
	 * only fill unknown ones. The incident keeps the union of every name either source
	 * gave.
	 * @param webhook whether the copy comes from a webhook
	 * @return the id of the known update, or {@code null} when none matches (or a feed
	 * copy added nothing)
	 */
	@org.jspecify.annotations.Nullable
	UUID enrich(Feed feed, IncidentUpdate update, boolean webhook);

	/**
	 * Locks up to {@code limit} updates not yet published ({@code SKIP LOCKED}) and
	 * returns them as events.
	 */
	List<IncidentEvent> claimUnpublished(int limit);

	void markPublished(UUID eventId, Instant now);

	/**
	 * The updates recorded for an incident code, on any feed (two feeds of one page both
	 * record its updates), in the order they were seen, at most {@code limit}.
	 */
	List<SeenUpdate> seen(String incidentCode, int limit);

}
