package dev.switchboard.remotesession.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.AddPublicReply;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.SchemaVersions;
import dev.switchboard.contracts.SessionCreated;
import dev.switchboard.contracts.SessionEnded;
import dev.switchboard.contracts.SessionEvent;
import dev.switchboard.contracts.SessionStarted;
import dev.switchboard.contracts.TicketCommand;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The ticket commands and session events a transition causes, with ids derived from the
 * session and the transition: the same transition always yields the same ids, so a repeat
 * is dropped downstream. The customer link goes only into the public reply, the agent
 * link only into the internal note.
 */
@Component
public class SessionWriteBack {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final RemoteSessionProperties properties;

	public SessionWriteBack(RemoteSessionProperties properties) {
		this.properties = properties;
	}

	public List<TicketCommand> onInvited(Session session) {
		String agentNote = "Remote session created with " + session.provider().displayName() + " (session "
				+ session.publicSessionId() + ") for " + session.agentEmail() + ".\nTechnician link: "
				+ session.agentUrl() + "\nThe invitation expires at " + TIME.format(session.expiresAt()) + ".";
		AddInternalNote note = AddInternalNote.of(agentNoteId(session), session.correlationId(), session.ticketId(),
				session.causedAt(), agentNote);
		if (session.customerUrl() == null) {
			return List.of(note);
		}
		String customerName = session.customer().name();
		String reply = this.properties.customerReplyTemplate()
			.replace("{customerName}", (customerName != null) ? customerName : "there")
			.replace("{agentName}", "Your support agent")
			.replace("{customerUrl}", session.customerUrl())
			.replace("{expiresAt}", TIME.format(session.expiresAt()));
		return List.of(note, AddPublicReply.of(customerReplyId(session), session.correlationId(), session.ticketId(),
				session.causedAt(), reply));
	}

	/** The one closing note of a session, whichever way it ended. */
	public TicketCommand onFinished(Session session) {
		return onFinished(session, null);
	}

	/**
	 * The one closing note of a session, with what to fix when it could not be started.
	 */
	public TicketCommand onFinished(Session session, @Nullable String advice) {
		String text = switch (session.state()) {
			case ENDED -> "Remote session ended (" + session.provider().displayName() + " " + session.publicSessionId()
					+ ").\nAgent: " + session.agentEmail() + "\nStarted: "
					+ ((session.startedAt() != null) ? TIME.format(session.startedAt()) : "unknown") + "\nDuration: "
					+ duration(session.durationSeconds()) + "\nEnd reason: " + session.endReason() + "\nRecording: "
					+ ((session.recordingUrl() != null) ? session.recordingUrl() : "none");
			case EXPIRED -> "Remote session invitation expired (" + session.provider().displayName() + " "
					+ session.publicSessionId() + "): " + session.endReason() + ". Nobody joined before "
					+ TIME.format(session.expiresAt()) + "; the invitation is closed.";
			case FAILED -> "Remote session failed (" + session.provider().displayName() + " "
					+ session.publicSessionId() + "): " + sentence(session.endReason());
			case CREATED, INVITED, STARTED -> throw new IllegalStateException(session + " has not finished");
		};
		return AddInternalNote.of(closingNoteId(session), session.correlationId(), session.ticketId(),
				session.causedAt(), (advice != null) ? text + "\n" + advice : text);
	}

	/**
	 * The one note on a ticket whose {@code /remote} started nothing (no session exists),
	 * saying what to fix; its id comes from the note, so a redelivered note yields the
	 * same command.
	 */
	public TicketCommand notStarted(NoteAdded note, String text) {
		return AddInternalNote.of(
				UUID.nameUUIDFromBytes(
						("remote-note:" + note.eventId() + ":not-started").getBytes(StandardCharsets.UTF_8)),
				note.correlationId(), note.ticketId(), note.occurredAt(), text);
	}

	public SessionEvent created(Session session, Instant at) {
		return new SessionCreated(SchemaVersions.CURRENT, id(session, "created"), session.correlationId(), session.id(),
				session.ticketId(), session.provider().id(), at, session.publicSessionId(), session.agentEmail(),
				session.expiresAt());
	}

	/**
	 * Announces the start of a session that has one (live, or ended with a late start).
	 */
	public SessionEvent started(Session session) {
		Instant startedAt = Objects.requireNonNull(session.startedAt(), () -> session + " has not started");
		return new SessionStarted(SchemaVersions.CURRENT, id(session, "started"), session.correlationId(), session.id(),
				session.ticketId(), session.provider().id(), startedAt, session.publicSessionId(), session.agentEmail(),
				session.host());
	}

	/**
	 * Announces a finished session: {@link Session#finished} gave it its end and reason.
	 */
	public SessionEvent finished(Session session) {
		Instant endedAt = Objects.requireNonNull(session.endedAt(), () -> session + " has not finished");
		String endReason = Objects.requireNonNull(session.endReason(), () -> session + " has no end reason");
		return new SessionEnded(SchemaVersions.CURRENT, id(session, "finished"), session.correlationId(), session.id(),
				session.ticketId(), session.provider().id(), endedAt, session.publicSessionId(), session.agentEmail(),
				session.state().id(), session.startedAt(), session.durationSeconds(), endReason,
				session.recordingUrl());
	}

	/** The command id of the internal note with the agent link. */
	public static UUID agentNoteId(Session session) {
		return id(session, "agent-note");
	}

	/**
	 * The command id of the public reply with the customer's join link (sent when the
	 * vendor gave one).
	 */
	public static UUID customerReplyId(Session session) {
		return id(session, "customer-reply");
	}

	/** The command id of the session's one closing note. */
	public static UUID closingNoteId(Session session) {
		return id(session, "final-note");
	}

	static UUID id(Session session, String what) {
		return UUID.nameUUIDFromBytes(("remote-session:" + session.id() + ":" + what).getBytes(StandardCharsets.UTF_8));
	}

	private static String sentence(@Nullable String text) {
		String reason = (text != null) ? text : "unknown";
		return reason.endsWith(".") ? reason : reason + ".";
	}

	private static String duration(@Nullable Long seconds) {
		if (seconds == null) {
			return "unknown";
		}
		Duration duration = Duration.ofSeconds(seconds);
		return (duration.toHours() > 0 ? duration.toHours() + " h " : "") + duration.toMinutesPart() + " min "
				+ duration.toSecondsPart() + " s";
	}

}
