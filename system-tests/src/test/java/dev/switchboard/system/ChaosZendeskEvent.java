package dev.switchboard.system;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Zendesk's {@code ticket.comment_added} event webhook as Zendesk sends it (the shape of
 * crm-bridge's {@code zendesk/event-comment-added.json}): the event's own {@code id}, its
 * {@code time}, the ticket in {@code detail} (its {@code updated_at} after the comment),
 * and the comment with its author in {@code event.comment}.
 */
final class ChaosZendeskEvent {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ChaosZendeskEvent() {
	}

	/** The event of an agent's internal note, as the bytes Zendesk signs. */
	static byte[] commentAdded(String eventId, ChaosZendesk.AgentNote note, ChaosPlan.Agent author, String body) {
		ObjectNode root = JSON.createObjectNode();
		root.put("account_id", 22129848);
		ObjectNode detail = root.putObject("detail");
		detail.put("actor_id", author.userId())
			.put("assignee_id", author.userId())
			.put("brand_id", "360000654321")
			.put("created_at", "2026-01-01T00:00:00Z")
			.put("description", "Chaos ticket " + note.ticketId())
			.putNull("external_id");
		detail.put("id", note.ticketId())
			.put("is_public", true)
			.put("priority", "NORMAL")
			.put("requester_id", note.requesterId())
			.put("status", note.status().toUpperCase(Locale.ROOT))
			.put("subject", "Chaos ticket " + note.ticketId())
			.put("submitter_id", note.requesterId())
			.put("type", "INCIDENT")
			.put("updated_at", note.updatedAt().toString());
		detail.putArray("tags");
		detail.putObject("via").put("channel", "web_service");
		ObjectNode event = root.putObject("event");
		ObjectNode comment = event.putObject("comment");
		comment.putObject("author").put("id", author.userId()).put("is_staff", true).put("name", author.name());
		comment.put("body", body).put("id", Long.toString(note.commentId())).put("is_public", false);
		event.putObject("meta")
			.putObject("sequence")
			.put("id", eventId.replace("-", "").substring(0, 16))
			.put("position", 1)
			.put("total", 1);
		root.put("id", eventId)
			.put("subject", "zen:ticket:" + note.ticketId())
			.put("time", note.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString())
			.put("type", "zen:event-type:ticket.comment_added")
			.put("zendesk_event_version", "2022-11-06");
		return root.toString().getBytes(StandardCharsets.UTF_8);
	}

}
