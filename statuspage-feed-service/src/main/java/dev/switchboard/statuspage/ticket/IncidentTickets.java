package dev.switchboard.statuspage.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which tickets got a note about which incident: the outbox of the incident notes and the
 * resolved notes.
 */
public interface IncidentTickets {

	/** The incidents open now (not resolved, not a plain feed's entry). */
	List<OpenIncident> openIncidents();

	/**
	 * Records that the ticket is to get the incident's note, unless it was recorded
	 * already (the note of an incident goes to a ticket once).
	 * @return whether it was new
	 */
	boolean remember(IncidentNote note, Instant now);

	/** Incident notes not yet confirmed by the broker, locked until the commit. */
	List<IncidentNote> claimUnsentNotes(int limit);

	/**
	 * Tickets that got an incident's note and whose incident is resolved now, without the
	 * resolved note yet, locked until the commit.
	 */
	List<ResolvedIncident> claimUnsentResolutions(int limit);

	void noteSent(String incidentCode, String ticketId, Instant now);

	void resolutionSent(String incidentCode, String ticketId, Instant now);

	/** A note that tells a ticket about an open incident. */
	record IncidentNote(String incidentCode, String ticketId, UUID feedId, String body, Instant causedAt,
			String correlationId) {
	}

	/** An incident that was noted on a ticket and is resolved now. */
	record ResolvedIncident(String incidentCode, String ticketId, String title, String status,
			@org.jspecify.annotations.Nullable String link, Instant resolvedAt, String correlationId) {
	}

}
