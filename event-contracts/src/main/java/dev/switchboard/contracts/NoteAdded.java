package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A comment was added to a ticket.
 *
 * @param noteId the helpdesk's comment id
 * @param publicNote {@code true} for a public reply, {@code false} for an internal note
 * @param writtenBySwitchboard {@code true} when the comment echoes one of Switchboard's
 * own writes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteAdded(int schemaVersion, UUID eventId, String correlationId, String ticketId, Instant occurredAt,
		String noteId, String body, boolean publicNote, Author author,
		boolean writtenBySwitchboard) implements TicketEvent {

	public NoteAdded {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		notBlank(ticketId, "ticketId");
		required(occurredAt, "occurredAt");
		notBlank(noteId, "noteId");
		required(body, "body");
		required(author, "author");
	}

}
