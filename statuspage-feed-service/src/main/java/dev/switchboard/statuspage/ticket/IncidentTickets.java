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

	/** The incident notes of a ticket, oldest first, at most {@code limit}. */
	List<NoteRecord> ofTicket(String ticketId, int limit);

	/**
	 * The incidents open now that the ticket was found to concern (it named an affected
	 * component), most recently changed first: one per incident code.
	 */
	List<TicketIncident> openOfTicket(String ticketId);

	/** The tickets an incident was noted on, oldest first, at most {@code limit}. */
	List<NoteRecord> ofIncident(String incidentCode, int limit);

	/** A note that tells a ticket about an open incident. */
	record IncidentNote(String incidentCode, String ticketId, UUID feedId, String body, Instant causedAt,
			String correlationId) {
	}

	/**
	 * What a ticket was told about an incident, and when.
	 *
	 * @param title the incident's title, {@code null} once the incident was purged
	 * @param createdAt when the ticket was found to name an affected component
	 * @param noteSentAt when the broker confirmed the incident note, {@code null} before
	 * @param resolvedAt when Switchboard saw the incident resolved, {@code null} while it
	 * is open
	 * @param resolvedSentAt when the broker confirmed the resolved note, {@code null}
	 * before
	 */
	record NoteRecord(String incidentCode, String ticketId, @org.jspecify.annotations.Nullable String title,
			Instant createdAt, @org.jspecify.annotations.Nullable Instant noteSentAt,
			@org.jspecify.annotations.Nullable Instant resolvedAt,
			@org.jspecify.annotations.Nullable Instant resolvedSentAt) {
	}

	/**
	 * An open incident a ticket concerns, as the helpdesk app's sidebar shows it.
	 *
	 * @param since when its current status was posted
	 * @param components the components it affects
	 */
	record TicketIncident(String code, String title, String status, @org.jspecify.annotations.Nullable String link,
			Instant since, List<String> components) {

		public TicketIncident {
			components = List.copyOf(components);
		}

	}

	/** An incident that was noted on a ticket and is resolved now. */
	record ResolvedIncident(String incidentCode, String ticketId, String title, String status,
			@org.jspecify.annotations.Nullable String link, Instant resolvedAt, String correlationId) {
	}

}
