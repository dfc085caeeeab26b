package dev.switchboard.remotesession.session;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.StatusChanged;
import dev.switchboard.contracts.TicketChanged;
import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.contracts.TicketFollowedUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * {@code /remote} in an internal note starts a session with the default provider for the
 * note's ticket, on behalf of the note's author. The session id is derived from the
 * note's event id, so a redelivered note finds its session instead of starting another. A
 * note that can start nothing (no author e-mail, a default provider that needs a
 * connection, a vendor not configured here) gets one internal note on the ticket saying
 * what to fix, with an id derived from the note.
 */
@Service
public class RemoteNotes {

	private static final Logger log = LoggerFactory.getLogger(RemoteNotes.class);

	private static final Pattern COMMAND = Pattern.compile("^/remote(\\s.*)?$", Pattern.DOTALL);

	private final SessionStarter starter;

	private final SessionLedger ledger;

	private final RemoteSessionProperties properties;

	public RemoteNotes(SessionStarter starter, SessionLedger ledger, RemoteSessionProperties properties) {
		this.starter = starter;
		this.ledger = ledger;
		this.properties = properties;
	}

	/**
	 * @return what the event did: ignored, a session requested, or nothing started and
	 * the ticket told why
	 */
	public RemoteNoteOutcome on(TicketEvent event) {
		return switch (event) {
			case NoteAdded note -> onNote(note);
			case StatusChanged ignored -> new RemoteNoteOutcome.Ignored();
			case TicketFollowedUp ignored -> new RemoteNoteOutcome.Ignored();
			case TicketChanged ignored -> new RemoteNoteOutcome.Ignored();
		};
	}

	private RemoteNoteOutcome onNote(NoteAdded note) {
		if (note.publicNote() || note.writtenBySwitchboard() || !COMMAND.matcher(note.body().strip()).matches()) {
			return new RemoteNoteOutcome.Ignored();
		}
		if (!TicketIds.valid(note.ticketId())) {
			// poison: refused before anything is reserved, so no session and no ticket
			// command; the consumer counts it and the binder dead-letters it
			log.warn("/remote note {} (event {}) names no valid ticket id: refused", note.noteId(), note.eventId());
			TicketIds.require("ticketId", note.ticketId());
		}
		String email = note.author().email();
		if (email == null || email.isBlank()) {
			log.warn("/remote note {} on ticket {} has an author without an e-mail address: no session started",
					note.noteId(), note.ticketId());
			String author = (note.author().name() != null) ? note.author().name()
					: "helpdesk user " + note.author().id();
			return notStarted(note, StartAdvice.authorWithoutEmail(author));
		}
		ProviderName provider = this.properties.defaultProvider();
		if (provider == ProviderName.GUACAMOLE) {
			log.warn("/remote note {} on ticket {}: the default provider Guacamole needs a connection, "
					+ "start it through POST /api/sessions", note.noteId(), note.ticketId());
			return notStarted(note, StartAdvice.defaultProviderNeedsConnection(provider));
		}
		StartRequest request = new StartRequest(sessionIdOf(note), note.ticketId(), provider, email, Customer.UNKNOWN,
				null, StartedVia.NOTE, note.correlationId(), note.occurredAt());
		try {
			return new RemoteNoteOutcome.Requested(this.starter.start(request, note.eventId()).session());
		}
		catch (ProviderNotConfiguredException ex) {
			log.warn("/remote note {} on ticket {}: {}", note.noteId(), note.ticketId(), ex.getMessage());
			return notStarted(note, StartAdvice.notConfigured(provider));
		}
	}

	private RemoteNoteOutcome notStarted(NoteAdded note, String advice) {
		this.ledger.notStarted(note, advice);
		return new RemoteNoteOutcome.NotStarted(advice);
	}

	static UUID sessionIdOf(NoteAdded note) {
		return UUID.nameUUIDFromBytes(("remote-note:" + note.eventId()).getBytes(StandardCharsets.UTF_8));
	}

}
