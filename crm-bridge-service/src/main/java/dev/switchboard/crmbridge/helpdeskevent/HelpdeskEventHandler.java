package dev.switchboard.crmbridge.helpdeskevent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.SchemaVersions;
import dev.switchboard.contracts.StatusChanged;
import dev.switchboard.contracts.TicketChanged;
import dev.switchboard.crmbridge.call.ClickToCall;
import dev.switchboard.crmbridge.call.NoteCall;
import dev.switchboard.crmbridge.ticket.Helpdesk;
import dev.switchboard.crmbridge.ticket.HelpdeskException;
import dev.switchboard.crmbridge.ticket.HelpdeskFailure;
import dev.switchboard.crmbridge.ticket.HelpdeskIds;
import dev.switchboard.crmbridge.ticket.HelpdeskTicket;
import dev.switchboard.crmbridge.ticket.HelpdeskUser;
import dev.switchboard.crmbridge.ticket.TicketEvents;
import dev.switchboard.crmbridge.ticket.TicketHistory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zendesk event webhooks → {@code tickets.events}. Event ids derive from Zendesk's event
 * id, so a redelivery publishes the same event again (never skipped: the first publish
 * may not have left) and receivers drop the repeat. Status changes are applied under the
 * ticket's row lock and one older than the last seen is dropped; a note's author is
 * looked up (cached) because {@code /call} and {@code /remote} act on their behalf. An
 * internal {@code /call [number]} note by an agent starts a click-to-call (once per
 * comment), or, when it cannot be placed, one internal note that says why and what to
 * fix. An author id that is not a helpdesk id is not looked up. A created ticket and a
 * changed subject or description become {@code TicketChanged} with the ticket's text,
 * dropped when older than the last such event of the ticket. An event whose lookups the
 * helpdesk cannot answer yet (429, 5xx) is parked by the delivery routing and handed back
 * through {@link #acceptParked}. The event arrives read from its wire format
 * ({@code zendesk.ZendeskEventDeliveries}): this class never sees the delivery.
 */
@Service
public class HelpdeskEventHandler {

	private static final Logger log = LoggerFactory.getLogger(HelpdeskEventHandler.class);

	private final Helpdesk helpdesk;

	private final TicketHistory history;

	private final TicketEvents events;

	private final ClickToCall clickToCall;

	public HelpdeskEventHandler(Helpdesk helpdesk, TicketHistory history, TicketEvents events,
			ClickToCall clickToCall) {
		this.helpdesk = helpdesk;
		this.history = history;
		this.events = events;
		this.clickToCall = clickToCall;
	}

	/**
	 * Handles one event from the broker; all it writes is rolled back when it throws.
	 * @return a short word for logs and metrics ({@code published}, {@code stale}, …)
	 */
	@Transactional
	public String accept(HelpdeskActivity activity, String correlationId) {
		return handle(activity, correlationId);
	}

	/**
	 * {@link #accept} in a transaction of its own, for a parked event taken up under its
	 * row lock in another transaction.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public String acceptParked(HelpdeskActivity activity, String correlationId) {
		return handle(activity, correlationId);
	}

	private String handle(HelpdeskActivity activity, String correlationId) {
		return switch (activity) {
			case HelpdeskActivity.CommentAdded comment -> noteAdded(comment, correlationId);
			case HelpdeskActivity.StatusChange change -> statusChanged(change, correlationId);
			case HelpdeskActivity.ContentChange change -> ticketChanged(change, correlationId);
			case HelpdeskActivity.Other other -> "ignored";
		};
	}

	private String noteAdded(HelpdeskActivity.CommentAdded comment, String correlationId) {
		HelpdeskUser author = author(comment.authorId(), comment.authorName());
		boolean ours = this.helpdesk.isSwitchboard(author) || ownWrite(comment.ticketId(), comment.ticketUpdatedAt());
		this.events.publish(new NoteAdded(SchemaVersions.CURRENT, eventId(comment.eventId()), correlationId,
				comment.ticketId(), comment.time(), comment.commentId(), comment.body(), comment.publicComment(),
				new Author(author.id(), author.name(), author.email(), author.phone()), ours));
		String command = comment.body().strip();
		if (!comment.publicComment() && !ours && (command.equals("/call") || command.startsWith("/call "))) {
			return callFromNote(comment, author, command.substring("/call".length()).strip(), correlationId);
		}
		return "published";
	}

	private String callFromNote(HelpdeskActivity.CommentAdded comment, HelpdeskUser author, String number,
			String correlationId) {
		try {
			return switch (this.clickToCall.fromNote(comment.commentId(), comment.ticketId(), comment.time(), author,
					number.isEmpty() ? null : number, correlationId)) {
				case NoteCall.Placed placed -> "published-and-called";
				case NoteCall.Refused refused -> "published-call-refused";
				case NoteCall.NotPlaced failed -> "published-call-failed";
				case NoteCall.AlreadyActedOn repeat -> "published";
			};
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// permanent: retrying the delivery would not help; the note stays as written
			log.warn("/call on ticket {} not placed: {}", comment.ticketId(), ex.getMessage());
			return "published-call-refused";
		}
	}

	private String statusChanged(HelpdeskActivity.StatusChange change, String correlationId) {
		boolean ours = ownWrite(change.ticketId(), change.ticketUpdatedAt());
		if (!this.history.statusEventSeen(change.ticketId(), change.time(), ours)) {
			return "stale";
		}
		this.events.publish(new StatusChanged(SchemaVersions.CURRENT, eventId(change.eventId()), correlationId,
				change.ticketId(), change.time(), change.previous(), change.current(), change.actorId(), ours));
		return "published";
	}

	/**
	 * A created ticket, a new subject or description: published with what the ticket says
	 * now (read from the helpdesk when the event lacks the subject or the description),
	 * unless a later such event of the ticket was published already.
	 */
	private String ticketChanged(HelpdeskActivity.ContentChange change, String correlationId) {
		if (!this.history.contentEventSeen(change.ticketId(), change.time())) {
			return "stale";
		}
		String subject = change.subject();
		String description = change.description();
		String status = change.status();
		String updatedAt = change.ticketUpdatedAt();
		if (subject == null || description == null) {
			HelpdeskTicket ticket = this.helpdesk.read(change.ticketId());
			subject = (subject != null) ? subject : ticket.subject();
			description = (description != null) ? description : ticket.description();
			status = (status != null) ? status : ticket.status().toLowerCase(Locale.ROOT);
			updatedAt = (updatedAt != null) ? updatedAt : ticket.updatedStamp();
		}
		this.events.publish(new TicketChanged(SchemaVersions.CURRENT, eventId(change.eventId()), correlationId,
				change.ticketId(), change.time(), change.change(), orEmpty(subject), orEmpty(description), status,
				instant(updatedAt), ownWrite(change.ticketId(), updatedAt)));
		return "published";
	}

	/** A ticket without a subject or description: published as empty text. */
	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private static @Nullable Instant instant(@Nullable String timestamp) {
		try {
			return (timestamp != null) ? Instant.parse(timestamp) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private HelpdeskUser author(String authorId, @Nullable String fallbackName) {
		if (!HelpdeskIds.valid(authorId)) {
			// not a user the helpdesk can be asked about (and never part of a request
			// path)
			return new HelpdeskUser(authorId, fallbackName, null, null);
		}
		try {
			return this.helpdesk.user(authorId);
		}
		catch (HelpdeskException ex) {
			if (ex.failure() instanceof HelpdeskFailure.NotFound) {
				// a deleted user: publish what the event says rather than lose the note
				return new HelpdeskUser(authorId, fallbackName, null, null);
			}
			throw ex;
		}
	}

	private boolean ownWrite(String ticketId, @Nullable String updatedAt) {
		return updatedAt != null && this.history.isOwnWrite(ticketId, updatedAt);
	}

	private static UUID eventId(String zendeskEventId) {
		return UUID.nameUUIDFromBytes(("zendesk-event:" + zendeskEventId).getBytes(StandardCharsets.UTF_8));
	}

}
