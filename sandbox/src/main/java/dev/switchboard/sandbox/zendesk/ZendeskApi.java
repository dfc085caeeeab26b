package dev.switchboard.sandbox.zendesk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zendesk Support's REST API as crm-bridge calls it (its base URL is the sandbox's root,
 * as {@code https://<subdomain>.zendesk.com}): tickets read, created and updated, their
 * comments newest first, users by id, created, and found by phone, and the tickets they
 * requested.
 */
@RestController
class ZendeskApi {

	/** The only search crm-bridge makes: end users by the digits of a phone number. */
	private static final Pattern PHONE_SEARCH = Pattern.compile("role:end-user phone:\\*?([0-9]+)");

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
				ticket.has("updated_stamp") ? ticket.path("updated_stamp").asString() : null,
				strings(ticket.path("additional_tags")));
		return Map.of("ticket", ticketJson(this.helpdesk.update(id, update)));
	}

	@PostMapping("/api/v2/tickets.json")
	ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		JsonNode ticket = body.path("ticket");
		JsonNode comment = ticket.path("comment");
		NewTicket request = new NewTicket(ticket.path("subject").asString("(no subject)"),
				ticket.hasNonNull("requester_id") ? ticket.path("requester_id").asLong() : null,
				comment.path("body").asString(""), comment.path("public").asBoolean(true),
				ticket.hasNonNull("status") ? ticket.path("status").asString() : null, strings(ticket.path("tags")),
				idempotencyKey);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("ticket", ticketJson(this.helpdesk.create(request))));
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

	@PostMapping("/api/v2/users.json")
	ResponseEntity<Map<String, Object>> createUser(@RequestBody JsonNode body) {
		JsonNode user = body.path("user");
		User created = this.helpdesk.addUser(user.path("name").asString("Unknown caller"),
				user.hasNonNull("email") ? user.path("email").asString() : null,
				user.hasNonNull("phone") ? user.path("phone").asString() : null,
				user.path("role").asString("end-user"));
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("user", userJson(created)));
	}

	@GetMapping("/api/v2/search.json")
	Map<String, Object> search(@RequestParam String query) {
		Matcher phone = PHONE_SEARCH.matcher(query.strip());
		List<Map<String, Object>> results = new ArrayList<>();
		if (phone.matches()) {
			for (User user : this.helpdesk.endUsersByPhone(phone.group(1))) {
				Map<String, Object> json = userJson(user);
				json.put("result_type", "user");
				results.add(json);
			}
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("results", results);
		answer.put("count", results.size());
		answer.put("next_page", null);
		return answer;
	}

	@GetMapping("/api/v2/users/{id}/tickets/requested.json")
	Map<String, Object> requested(@PathVariable long id) {
		List<Map<String, Object>> tickets = this.helpdesk.requestedBy(id).stream().map(ZendeskApi::ticketJson).toList();
		return Map.of("tickets", tickets, "count", tickets.size());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(UpdateRefusedException ex) {
		UpdateRefused refused = ex.refused();
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(refused.httpStatus());
		if (refused instanceof UpdateRefused.RateLimited limited) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
		}
		return answer.body(Map.of("error", refused.error(), "description", refused.description()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> missing(TicketNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("error", "RecordNotFound", "description", "Not found"));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.valueStream().forEach((value) -> values.add(value.asString()));
		return values;
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
		json.put("tags", ticket.tags());
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
		json.put("phone", user.phone());
		json.put("role", user.role());
		return json;
	}

}
