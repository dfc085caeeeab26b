package dev.switchboard.crmbridge.helpdeskevent.zendesk;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.switchboard.contracts.TicketChanged;
import dev.switchboard.crmbridge.helpdeskevent.HelpdeskActivity;
import dev.switchboard.crmbridge.helpdeskevent.HelpdeskEventFormat;
import dev.switchboard.crmbridge.ticket.HelpdeskIds;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Zendesk event webhooks: {@code id}, {@code type}, {@code time}, {@code subject}
 * ({@code zen:ticket:<id>}), {@code detail} (the ticket, {@code updated_at}),
 * {@code event} ({@code comment{id, body, is_public, author{id, name}}} or
 * {@code previous}/{@code current} statuses, which may be spelled in capitals; for
 * {@code ticket.subject_changed} and {@code ticket.description_changed} the new text in
 * {@code current}; {@code ticket.created} carries the ticket in {@code detail}). An event
 * whose ticket id is not a helpdesk id is unreadable (it goes to the dead-letter queue).
 */
@Component
class ZendeskEventFormat implements HelpdeskEventFormat {

	private static final String PREFIX = "zen:event-type:ticket.";

	private final JsonMapper json;

	ZendeskEventFormat(JsonMapper json) {
		this.json = json;
	}

	@Override
	public HelpdeskActivity read(byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Zendesk event is not JSON");
		}
		String id = required(root, "id");
		String type = required(root, "type");
		JsonNode detail = root.path("detail");
		JsonNode event = root.path("event");
		return switch (type) {
			case PREFIX + "comment_added" -> {
				JsonNode comment = event.path("comment");
				yield new HelpdeskActivity.CommentAdded(id, ticketId(root), time(root), text(detail, "updated_at"),
						required(comment, "id"), required(comment, "body"), comment.path("is_public").asBoolean(false),
						required(comment.path("author"), "id"), text(comment.path("author"), "name"));
			}
			case PREFIX + "status_changed" -> new HelpdeskActivity.StatusChange(id, ticketId(root), time(root),
					text(detail, "updated_at"), lowerOrNull(text(event, "previous")), lower(required(event, "current")),
					text(detail, "actor_id"));
			case PREFIX + "created" -> content(root, id, TicketChanged.CREATED, null, null);
			case PREFIX + "subject_changed" ->
				content(root, id, TicketChanged.SUBJECT_CHANGED, text(event, "current"), null);
			case PREFIX + "description_changed" ->
				content(root, id, TicketChanged.DESCRIPTION_CHANGED, null, text(event, "current"));
			default -> new HelpdeskActivity.Other(id, type);
		};
	}

	/**
	 * The ticket's text from {@code detail.subject} and {@code detail.description}; for a
	 * subject or description change, {@code event.current} is the new text and wins.
	 */
	private static HelpdeskActivity.ContentChange content(JsonNode root, String id, String change,
			@Nullable String subject, @Nullable String description) {
		JsonNode detail = root.path("detail");
		return new HelpdeskActivity.ContentChange(id, ticketId(root), time(root), text(detail, "updated_at"), change,
				(subject != null) ? subject : text(detail, "subject"),
				(description != null) ? description : text(detail, "description"), lowerOrNull(text(detail, "status")));
	}

	/**
	 * {@code detail.id}, else the end of {@code subject}; refused unless it is a helpdesk
	 * id, so an event cannot name a path instead of a ticket.
	 */
	private static String ticketId(JsonNode root) {
		String id = text(root.path("detail"), "id");
		if (id == null) {
			String subject = required(root, "subject");
			id = subject.substring(subject.lastIndexOf(':') + 1);
		}
		if (!HelpdeskIds.valid(id)) {
			throw new IllegalArgumentException("Zendesk event for ticket id " + HelpdeskIds.quoted(id)
					+ ", which is not a helpdesk ticket id (" + HelpdeskIds.RULE + ")");
		}
		return id;
	}

	private static Instant time(JsonNode root) {
		try {
			return Instant.parse(required(root, "time"));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Zendesk event time is not an ISO instant");
		}
	}

	private static String lower(String status) {
		return status.toLowerCase(Locale.ROOT);
	}

	private static @Nullable String lowerOrNull(@Nullable String status) {
		return (status != null) ? lower(status) : null;
	}

	private static String required(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Zendesk event without " + field);
		}
		return value;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
