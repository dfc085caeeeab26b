package dev.switchboard.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stateful Zendesk Support API as far as crm-bridge uses it: tickets (read, update with
 * {@code safe_update}, create with {@code Idempotency-Key}-free creation counted), their
 * comments (newest first), end users found by phone and their requested tickets, staff
 * agents (looked up as the authors of notes). Every comment is kept in the order Zendesk
 * stored it, the agents' own notes too (written by the suite before it sends their
 * {@code ticket.comment_added} webhook, as an agent's note changes the ticket).
 */
final class ChaosZendesk implements ChaosSaas.System {

	private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/(\\d+)\\.json");

	private static final Pattern COMMENTS = Pattern.compile("/api/v2/tickets/(\\d+)/comments\\.json");

	private static final Pattern USER = Pattern.compile("/api/v2/users/(\\d+)\\.json");

	private static final Pattern REQUESTED = Pattern.compile("/api/v2/users/(\\d+)/tickets/requested\\.json");

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The user the API token belongs to: every comment Switchboard writes is theirs. */
	static final String API_USER = "900000001";

	/** A comment as stored, with the time it was written. */
	record Comment(long id, String body, boolean publicComment, String authorId, Instant at) {
	}

	/**
	 * An agent's internal note as stored, with what its {@code ticket.comment_added}
	 * event carries: the ticket's requester, status and {@code updated_at} after it.
	 */
	record AgentNote(long commentId, String ticketId, String requesterId, String status, Instant updatedAt,
			Instant at) {
	}

	private static final class Ticket {

		final String id;

		final String requesterId;

		String status;

		Instant updatedAt;

		final List<Comment> comments = new ArrayList<>();

		Ticket(String id, String requesterId, String status, Instant updatedAt) {
			this.id = id;
			this.requesterId = requesterId;
			this.status = status;
			this.updatedAt = updatedAt;
		}

	}

	private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

	/** user id → phone (E.164) */
	private final Map<String, String> phones = new ConcurrentHashMap<>();

	/** user id → the staff agent */
	private final Map<String, ChaosPlan.Agent> agents = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(900_000_000L);

	private final AtomicLong created = new AtomicLong();

	private final AtomicLong conflicts = new AtomicLong();

	void ticket(String id, String requesterId, String status) {
		this.tickets.put(id, new Ticket(id, requesterId, status,
				Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(5, ChronoUnit.MINUTES)));
	}

	void endUser(String userId, String phone) {
		this.phones.put(userId, phone);
	}

	void agent(ChaosPlan.Agent agent) {
		this.agents.put(agent.userId(), agent);
	}

	/**
	 * An agent writes an internal note: stored like any comment, the ticket's
	 * {@code updated_at} moves (so a {@code safe_update} read before it gets a 409).
	 */
	AgentNote agentNote(String ticketId, ChaosPlan.Agent agent, String body) {
		Ticket ticket = this.tickets.get(ticketId);
		synchronized (ticket) {
			Instant at = Instant.now();
			Comment comment = new Comment(this.ids.incrementAndGet(), body, false, agent.userId(), at);
			ticket.comments.add(comment);
			touch(ticket);
			return new AgentNote(comment.id(), ticketId, ticket.requesterId, ticket.status, ticket.updatedAt, at);
		}
	}

	/** Every comment of the ticket in the order they were stored. */
	List<Comment> comments(String ticketId) {
		Ticket ticket = this.tickets.get(ticketId);
		if (ticket == null) {
			return List.of();
		}
		synchronized (ticket) {
			return List.copyOf(ticket.comments);
		}
	}

	String status(String ticketId) {
		Ticket ticket = this.tickets.get(ticketId);
		return (ticket != null) ? ticket.status : "missing";
	}

	long ticketsCreated() {
		return this.created.get();
	}

	long conflicts() {
		return this.conflicts.get();
	}

	@Override
	public ChaosSaas.Reply handle(String method, URI uri, String body) throws IOException {
		String path = uri.getPath();
		Matcher matcher;
		if ((matcher = TICKET.matcher(path)).matches()) {
			Ticket ticket = this.tickets.get(matcher.group(1));
			if (ticket == null) {
				return ChaosSaas.Reply.json(404, "{\"error\":\"RecordNotFound\"}");
			}
			return method.equals("PUT") ? update(ticket, JSON.readTree(body).path("ticket"))
					: ChaosSaas.Reply.json(200, ticketJson(ticket));
		}
		if ((matcher = COMMENTS.matcher(path)).matches()) {
			Ticket ticket = this.tickets.get(matcher.group(1));
			return (ticket == null) ? ChaosSaas.Reply.json(404, "{\"error\":\"RecordNotFound\"}")
					: ChaosSaas.Reply.json(200, commentsJson(ticket));
		}
		if ((matcher = REQUESTED.matcher(path)).matches()) {
			return ChaosSaas.Reply.json(200, requested(matcher.group(1)));
		}
		if ((matcher = USER.matcher(path)).matches() && this.phones.containsKey(matcher.group(1))) {
			return ChaosSaas.Reply.json(200, "{\"user\":" + userJson(matcher.group(1)) + "}");
		}
		if ((matcher = USER.matcher(path)).matches() && this.agents.containsKey(matcher.group(1))) {
			ChaosPlan.Agent agent = this.agents.get(matcher.group(1));
			return ChaosSaas.Reply.json(200, "{\"user\":{\"id\":" + agent.userId() + ",\"name\":\"" + agent.name()
					+ "\",\"email\":\"" + agent.email() + "\",\"phone\":null,\"role\":\"agent\"}}");
		}
		if ((matcher = USER.matcher(path)).matches()) {
			return ChaosSaas.Reply.json(404, "{\"error\":\"RecordNotFound\"}");
		}
		if (path.equals("/api/v2/search.json")) {
			return ChaosSaas.Reply.json(200, search(uri.getRawQuery()));
		}
		if (path.equals("/api/v2/tickets.json") && method.equals("POST")) {
			// the suite's callers all have a recent ticket: a new one is counted, not
			// kept
			this.created.incrementAndGet();
			return ChaosSaas.Reply.json(201, "{\"ticket\":{\"id\":" + this.ids.incrementAndGet()
					+ ",\"status\":\"new\",\"updated_at\":\"" + Instant.now() + "\"}}");
		}
		return ChaosSaas.Reply.json(404, "{\"error\":\"InvalidEndpoint\"}");
	}

	private ChaosSaas.Reply update(Ticket ticket, JsonNode update) {
		synchronized (ticket) {
			String stamp = update.path("updated_stamp").asText(null);
			if (update.path("safe_update").asBoolean(false) && stamp != null && !sameStamp(stamp, ticket.updatedAt)) {
				this.conflicts.incrementAndGet();
				return ChaosSaas.Reply.json(409, "{\"error\":\"UpdateConflict\"}");
			}
			JsonNode comment = update.path("comment");
			if (comment.has("body")) {
				// a comment is public unless it says otherwise, as in Zendesk
				ticket.comments.add(new Comment(this.ids.incrementAndGet(), comment.path("body").asText(),
						comment.path("public").asBoolean(true), API_USER, Instant.now()));
			}
			if (update.has("status")) {
				ticket.status = update.path("status").asText();
			}
			touch(ticket);
			return ChaosSaas.Reply.json(200, ticketJson(ticket));
		}
	}

	/** Zendesk's stamps are to the second: every update moves it by at least one. */
	private static void touch(Ticket ticket) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		ticket.updatedAt = now.isAfter(ticket.updatedAt) ? now : ticket.updatedAt.plusSeconds(1);
	}

	private static boolean sameStamp(String stamp, Instant updatedAt) {
		try {
			return Instant.parse(stamp).equals(updatedAt);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return stamp.equals(updatedAt.toString());
		}
	}

	private String ticketJson(Ticket ticket) {
		synchronized (ticket) {
			return "{\"ticket\":" + ticketFields(ticket) + "}";
		}
	}

	private static String ticketFields(Ticket ticket) {
		return "{\"id\":" + ticket.id + ",\"status\":\"" + ticket.status + "\",\"subject\":\"Chaos ticket " + ticket.id
				+ "\",\"requester_id\":" + ticket.requesterId + ",\"updated_at\":\"" + ticket.updatedAt
				+ "\",\"created_at\":\"2026-01-01T00:00:00Z\",\"tags\":[]}";
	}

	private String commentsJson(Ticket ticket) {
		ObjectNode answer = JSON.createObjectNode();
		ArrayNode comments = answer.putArray("comments");
		synchronized (ticket) {
			for (int i = ticket.comments.size() - 1; i >= 0; i--) {
				Comment comment = ticket.comments.get(i);
				comments.addObject()
					.put("id", comment.id())
					.put("body", comment.body())
					.put("plain_body", comment.body())
					.put("public", comment.publicComment())
					.put("author_id", Long.parseLong(comment.authorId()))
					.put("created_at", comment.at().toString());
			}
		}
		answer.putNull("next_page");
		answer.put("count", comments.size());
		return answer.toString();
	}

	private String requested(String userId) {
		List<String> found = new ArrayList<>();
		for (Ticket ticket : this.tickets.values()) {
			if (ticket.requesterId.equals(userId)) {
				synchronized (ticket) {
					found.add(ticketFields(ticket));
				}
			}
		}
		return "{\"tickets\":[" + String.join(",", found) + "],\"count\":" + found.size() + "}";
	}

	private String search(String rawQuery) {
		String query = "";
		for (String pair : (rawQuery != null) ? rawQuery.split("&") : new String[0]) {
			if (pair.startsWith("query=")) {
				query = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
			}
		}
		Matcher digits = Pattern.compile("phone:\\*?(\\d+)").matcher(query);
		List<String> users = new ArrayList<>();
		if (digits.find()) {
			this.phones.forEach((id, phone) -> {
				if (phone.replaceAll("\\D", "").endsWith(digits.group(1))) {
					users.add(userJson(id).replaceFirst("}$", ",\"result_type\":\"user\"}"));
				}
			});
		}
		return "{\"results\":[" + String.join(",", users) + "],\"count\":" + users.size() + "}";
	}

	private String userJson(String id) {
		return "{\"id\":" + id + ",\"name\":\"Caller " + id + "\",\"email\":\"caller" + id
				+ "@example.com\",\"phone\":\"" + this.phones.get(id) + "\",\"role\":\"end-user\"}";
	}

}
