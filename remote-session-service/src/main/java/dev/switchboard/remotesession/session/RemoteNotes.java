package dev.switchboard.remotesession.session;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.StatusChanged;
import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.contracts.TicketFollowedUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * {@code /remote} in an internal note starts a session with the default provider for the
 * note's ticket, on behalf of the note's author. The session id is derived from the
 * note's event id, so a redelivered note finds its session instead of starting another.
 */
@Service
public class RemoteNotes {

	private static final Logger log = LoggerFactory.getLogger(RemoteNotes.class);

	private static final Pattern COMMAND = Pattern.compile("^/remote(\\s.*)?$", Pattern.DOTALL);

	private final SessionStarter starter;

	private final RemoteSessionProperties properties;

	public RemoteNotes(SessionStarter starter, RemoteSessionProperties properties) {
		this.starter = starter;
		this.properties = properties;
	}

	/**
	 * @return the session the note started (or found), empty when the event asks for none
	 */
	public Optional<Session> on(TicketEvent event) {
		return switch (event) {
			case NoteAdded note -> onNote(note);
			case StatusChanged ignored -> Optional.empty();
			case TicketFollowedUp ignored -> Optional.empty();
		};
	}

	private Optional<Session> onNote(NoteAdded note) {
		if (note.publicNote() || note.writtenBySwitchboard() || !COMMAND.matcher(note.body().strip()).matches()) {
			return Optional.empty();
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
			return Optional.empty();
		}
		ProviderName provider = this.properties.defaultProvider();
		if (provider == ProviderName.GUACAMOLE) {
			log.warn("/remote note {} on ticket {}: the default provider Guacamole needs a connection, "
					+ "start it through POST /api/sessions", note.noteId(), note.ticketId());
			return Optional.empty();
		}
		StartRequest request = new StartRequest(sessionIdOf(note), note.ticketId(), provider, email, Customer.UNKNOWN,
				null, StartedVia.NOTE, note.correlationId(), note.occurredAt());
		return Optional.of(this.starter.start(request, note.eventId()).session());
	}

	static UUID sessionIdOf(NoteAdded note) {
		return UUID.nameUUIDFromBytes(("remote-note:" + note.eventId()).getBytes(StandardCharsets.UTF_8));
	}

}
