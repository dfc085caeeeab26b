package dev.switchboard.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * TeamViewer's Web API as remote-session uses it, under {@code /teamviewer}:
 * {@code POST /api/v1/sessions} creates a session code with a supporter and an
 * end-customer link; the connection with that code begins {@link #JOINED_AFTER} after the
 * creation and ends {@link #LASTS} later, as {@code GET /api/v1/reports/connections}
 * ({@code session_code=}) shows; {@code GET /api/v1/sessions/{code}} its state,
 * {@code PUT /api/v1/sessions/{code}} with {@code state: closed} closes it. Every session
 * created is kept with the ticket its description names.
 */
final class ChaosTeamviewer implements ChaosSaas.System {

	static final Duration JOINED_AFTER = Duration.ofSeconds(10);

	static final Duration LASTS = Duration.ofSeconds(20);

	/** The customer links' prefix: a public reply carrying one is the invitation. */
	static final String CUSTOMER_LINK = "https://get.teamviewer.com/chaos/";

	private static final Pattern SESSION = Pattern.compile("/teamviewer/api/v1/sessions/([A-Za-z0-9-]+)");

	private static final Pattern TICKET = Pattern.compile("Ticket (\\d+) ");

	private static final ObjectMapper JSON = new ObjectMapper();

	/** A session code as created, for the ticket its description names. */
	record Session(String code, String ticketId, Instant created, Instant begins, Instant ends) {
	}

	private final List<Session> sessions = new ArrayList<>();

	private final Map<String, Instant> closed = new ConcurrentHashMap<>();

	private final AtomicLong codes = new AtomicLong(10_000_000L);

	synchronized List<Session> sessions(String ticketId) {
		return this.sessions.stream().filter((session) -> session.ticketId().equals(ticketId)).toList();
	}

	synchronized int created() {
		return this.sessions.size();
	}

	int closed() {
		return this.closed.size();
	}

	@Override
	public ChaosSaas.Reply handle(String method, URI uri, String body) throws IOException {
		String path = uri.getPath();
		if (path.equals("/teamviewer/api/v1/sessions") && method.equals("POST")) {
			return create(JSON.readTree(body));
		}
		if (path.equals("/teamviewer/api/v1/reports/connections") && method.equals("GET")) {
			return ChaosSaas.Reply.json(200, connections(query(uri, "session_code")));
		}
		Matcher code = SESSION.matcher(path);
		if (code.matches()) {
			Session session = find(code.group(1));
			if (session == null) {
				return ChaosSaas.Reply.json(404,
						"{\"error\":\"ResourceNotFound\",\"error_description\":\"no such session code\"}");
			}
			if (method.equals("PUT") && "closed".equals(JSON.readTree(body).path("state").asText())) {
				this.closed.putIfAbsent(session.code(), Instant.now());
			}
			return ChaosSaas.Reply.json(200, sessionJson(session).toString());
		}
		return ChaosSaas.Reply.json(404, "{\"error\":\"InvalidEndpoint\"}");
	}

	private ChaosSaas.Reply create(JsonNode request) {
		Matcher ticket = TICKET.matcher(request.path("description").asText(""));
		if (!request.path("groupname").isTextual() || !ticket.find()) {
			return ChaosSaas.Reply.json(400,
					"{\"error\":\"invalid_request\",\"error_description\":\"groupname and description required\"}");
		}
		long number = this.codes.incrementAndGet();
		String code = String.format("s%02d-%03d-%03d", number / 1_000_000 % 100, number / 1000 % 1000, number % 1000);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Session session = new Session(code, ticket.group(1), now, now.plus(JOINED_AFTER),
				now.plus(JOINED_AFTER).plus(LASTS));
		synchronized (this) {
			this.sessions.add(session);
		}
		return ChaosSaas.Reply.json(200, sessionJson(session).toString());
	}

	private ObjectNode sessionJson(Session session) {
		Instant closedAt = this.closed.get(session.code());
		ObjectNode json = JSON.createObjectNode()
			.put("code", session.code())
			.put("groupname", "Switchboard")
			.put("supporter_link", "https://start.teamviewer.com/chaos/" + session.code())
			.put("end_customer_link", CUSTOMER_LINK + session.code())
			.put("valid_until", session.created().plus(Duration.ofHours(24)).toString())
			.put("state", (closedAt != null) ? "closed" : "open")
			.put("created_at", session.created().toString());
		if (closedAt != null) {
			json.put("closed_at", closedAt.toString());
		}
		return json;
	}

	private synchronized String connections(String code) {
		Instant now = Instant.now();
		ObjectNode answer = JSON.createObjectNode();
		ArrayNode records = answer.putArray("records");
		for (Session session : this.sessions) {
			if ((code != null && !session.code().equalsIgnoreCase(code)) || now.isBefore(session.begins())) {
				continue;
			}
			ObjectNode record = records.addObject()
				.put("id", "c" + session.code())
				.put("userid", "u1")
				.put("username", "Chaos Supporter")
				.put("deviceid", "d" + session.code())
				.put("devicename", "chaos-pc-" + session.code())
				.put("session_code", session.code())
				.put("start_date", session.begins().toString());
			if (!now.isBefore(session.ends())) {
				record.put("end_date", session.ends().toString());
			}
		}
		answer.put("records_remaining", 0);
		return answer.toString();
	}

	private synchronized Session find(String code) {
		return this.sessions.stream().filter((session) -> session.code().equals(code)).findFirst().orElse(null);
	}

	private static String query(URI uri, String name) {
		for (String pair : (uri.getRawQuery() != null) ? uri.getRawQuery().split("&") : new String[0]) {
			if (pair.startsWith(name + "=")) {
				return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

}
