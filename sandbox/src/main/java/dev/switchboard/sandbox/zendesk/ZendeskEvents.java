package dev.switchboard.sandbox.zendesk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Zendesk's event webhook bodies: {@code ticket.comment_added} with the event's own
 * {@code id}, the ticket in {@code detail} (as it is after the comment, statuses in
 * capitals) and the comment with its author in {@code event.comment}.
 */
public final class ZendeskEvents {

	private ZendeskEvents() {
	}

	public static Map<String, Object> commentAdded(String eventId, Ticket ticket, Ticket.Comment comment, User author,
			Instant at) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("actor_id", Long.toString(author.id()));
		detail.put("assignee_id", Long.toString(author.id()));
		detail.put("created_at", "2026-01-01T00:00:00Z");
		detail.put("description", ticket.subject());
		detail.put("id", Long.toString(ticket.id()));
		detail.put("is_public", true);
		detail.put("priority", "NORMAL");
		detail.put("requester_id", Long.toString(ticket.requesterId()));
		detail.put("status", ticket.status().toUpperCase(Locale.ROOT));
		detail.put("subject", ticket.subject());
		detail.put("submitter_id", Long.toString(ticket.requesterId()));
		detail.put("type", "INCIDENT");
		detail.put("updated_at", ticket.updatedAt().toString());
		detail.put("tags", List.of());
		detail.put("via", Map.of("channel", "web_service"));
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("comment",
				Map.of("author",
						Map.of("id", Long.toString(author.id()), "is_staff", !author.role().equals("end-user"), "name",
								author.name()),
						"body", comment.body(), "id", Long.toString(comment.id()), "is_public",
						comment.publicComment()));
		event.put("meta",
				Map.of("sequence", Map.of("id", eventId.replace("-", "").substring(0, 16), "position", 1, "total", 1)));
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("account_id", 22129848);
		root.put("detail", detail);
		root.put("event", event);
		root.put("id", eventId);
		root.put("subject", "zen:ticket:" + ticket.id());
		root.put("time", at.toString());
		root.put("type", "zen:event-type:ticket.comment_added");
		root.put("zendesk_event_version", "2022-11-06");
		return root;
	}

}
