package dev.switchboard.sandbox.zendesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zendesk Support's REST API as crm-bridge calls it (its base URL is the sandbox's root,
 * as {@code https://<subdomain>.zendesk.com}): tickets read and updated, their comments
 * newest first, users by id and the tickets they requested.
 */
@RestController
class ZendeskApi {

	private final Helpdesk helpdesk;

	ZendeskApi(Helpdesk helpdesk) {
		this.helpdesk = helpdesk;
	}

	@GetMapping("/api/v2/tickets/{id}.json")
	Map<String, Object> ticket(@PathVariable long id) {
		return Map.of("ticket", ticketJson(this.helpdesk.ticket(id).orElseThrow(() -> notFound(id))));
	}

	@PutMapping("/api/v2/tickets/{id}.json")
	Map<String, Object> update(@PathVariable long id, @RequestBody JsonNode body) {
		JsonNode ticket = body.path("ticket");
		JsonNode comment = ticket.path("comment");
		TicketUpdate update = new TicketUpdate(comment.has("body") ? comment.path("body").asString() : null,
				comment.path("public").asBoolean(true), ticket.has("status") ? ticket.path("status").asString() : null,
				ticket.path("safe_update").asBoolean(false),
				ticket.has("updated_stamp") ? ticket.path("updated_stamp").asString() : null);
		return Map.of("ticket", ticketJson(this.helpdesk.update(id, update)));
	}

	@GetMapping("/api/v2/tickets/{id}/comments.json")
	Map<String, Object> comments(@PathVariable long id) {
		List<Ticket.Comment> stored = this.helpdesk.ticket(id).orElseThrow(() -> notFound(id)).comments();
		List<Map<String, Object>> newestFirst = stored.reversed().stream().map(ZendeskApi::commentJson).toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("comments", newestFirst);
		answer.put("next_page", null);
		answer.put("count", newestFirst.size());
		return answer;
	}

	@GetMapping("/api/v2/users/{id}.json")
	ResponseEntity<Map<String, Object>> user(@PathVariable long id) {
		return this.helpdesk.user(id)
			.map((user) -> ResponseEntity.ok(Map.<String, Object>of("user", userJson(user))))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "RecordNotFound")));
	}

	@GetMapping("/api/v2/users/{id}/tickets/requested.json")
	Map<String, Object> requested(@PathVariable long id) {
		List<Map<String, Object>> tickets = this.helpdesk.requestedBy(id).stream().map(ZendeskApi::ticketJson).toList();
		return Map.of("tickets", tickets, "count", tickets.size());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(UpdateRefusedException ex) {
		UpdateRefused refused = ex.refused();
		return ResponseEntity.status(refused.httpStatus())
			.body(Map.of("error", refused.error(), "description", refused.description()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> missing(TicketNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("error", "RecordNotFound", "description", "Not found"));
	}

	private static TicketNotFoundException notFound(long id) {
		return new TicketNotFoundException(id);
	}

	static Map<String, Object> ticketJson(Ticket ticket) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", ticket.id());
		json.put("subject", ticket.subject());
		json.put("description", ticket.comments().isEmpty() ? "" : ticket.comments().getFirst().body());
		json.put("status", ticket.status());
		json.put("requester_id", ticket.requesterId());
		json.put("updated_at", ticket.updatedAt().toString());
		json.put("tags", List.of());
		return json;
	}

	private static Map<String, Object> commentJson(Ticket.Comment comment) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", comment.id());
		json.put("body", comment.body());
		json.put("plain_body", comment.body());
		json.put("public", comment.publicComment());
		json.put("author_id", comment.authorId());
		json.put("created_at", comment.createdAt().toString());
		return json;
	}

	private static Map<String, Object> userJson(User user) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", user.id());
		json.put("name", user.name());
		json.put("email", user.email());
		json.put("phone", null);
		json.put("role", user.role());
		return json;
	}

}
