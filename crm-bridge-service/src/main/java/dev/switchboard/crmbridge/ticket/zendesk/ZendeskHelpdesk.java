package dev.switchboard.crmbridge.ticket.zendesk;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.crmbridge.ticket.Helpdesk;
import dev.switchboard.crmbridge.ticket.HelpdeskException;
import dev.switchboard.crmbridge.ticket.HelpdeskFailure;
import dev.switchboard.crmbridge.ticket.HelpdeskIds;
import dev.switchboard.crmbridge.ticket.HelpdeskTicket;
import dev.switchboard.crmbridge.ticket.HelpdeskUser;
import dev.switchboard.crmbridge.ticket.RequestBudget;
import dev.switchboard.crmbridge.ticket.TicketUpdate;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The Zendesk Support API over one OkHttp client: tickets ({@code safe_update} with
 * {@code updated_stamp}, follow-ups with {@code via_followup_source_id}) and users
 * (cached in a bounded, expiring Caffeine cache: {@code user-cache-size},
 * {@code user-cache-ttl}). 5xx and I/O failures are retried by the Resilience4j retry
 * {@code zendesk}; everything else is mapped to a {@link HelpdeskFailure} here.
 */
@Component
class ZendeskHelpdesk implements Helpdesk {

	private static final MediaType JSON = MediaType.get("application/json");

	/**
	 * Zendesk's idempotency header for ticket creation: a repeated POST (the retry after
	 * a timeout, a redelivered message) returns the first ticket instead of a second one.
	 */
	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

	private final ZendeskProperties properties;

	private final OkHttpClient http;

	private final Retry retry;

	private final JsonMapper json;

	private final RequestBudget budget;

	private final Cache<String, HelpdeskUser> users;

	ZendeskHelpdesk(ZendeskProperties properties, RetryRegistry retries, JsonMapper json, RequestBudget budget) {
		this.properties = properties;
		this.http = new OkHttpClient.Builder().connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.callTimeout(properties.connectTimeout().plus(properties.readTimeout()))
			.retryOnConnectionFailure(false)
			.build();
		this.retry = retries.retry("zendesk");
		this.json = json;
		this.budget = budget;
		this.users = Caffeine.newBuilder()
			.maximumSize(properties.userCacheSize())
			.expireAfterWrite(properties.userCacheTtl())
			.build();
	}

	@Override
	public boolean configured() {
		return this.properties.configured();
	}

	@Override
	public HelpdeskTicket read(String ticketId) {
		return ticket(send(request(ticketUrl(ticketId)).get(), ticketId));
	}

	/**
	 * A comment is not idempotent: after an attempt whose outcome is unknown (a read
	 * timeout after Zendesk wrote it, a reset connection, a 5xx) the next attempt first
	 * reads the ticket's recent comments and, when the update's markers are there, takes
	 * the ticket as it is instead of writing the comment again.
	 */
	@Override
	public HelpdeskTicket update(String ticketId, TicketUpdate update, String updatedStamp) {
		Map<String, Object> ticket = fields(update);
		ticket.put("safe_update", true);
		ticket.put("updated_stamp", updatedStamp);
		Request put = request(ticketUrl(ticketId)).put(body(ticket)).build();
		if (!update.marked()) {
			return ticket(send(() -> call(put), ticketId));
		}
		AtomicBoolean sent = new AtomicBoolean();
		return ticket(send(() -> {
			if (sent.getAndSet(true) && carries(ticketId, update.commandIds()).containsAll(update.commandIds())) {
				return call(request(ticketUrl(ticketId)).get().build());
			}
			return call(put);
		}, ticketId));
	}

	@Override
	public Set<UUID> commandsOn(String ticketId, Collection<UUID> commandIds) {
		try {
			return this.retry.executeCallable(() -> carries(ticketId, commandIds));
		}
		catch (HelpdeskException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new HelpdeskException(
					new HelpdeskFailure.Unavailable(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
		}
	}

	/**
	 * The commands whose marker is on one of the ticket's most recent comments (the first
	 * page, newest first: an update whose outcome is unknown is at most minutes old).
	 */
	private Set<UUID> carries(String ticketId, Collection<UUID> commandIds) throws IOException {
		HttpUrl url = url("tickets", id(ticketId, "ticket id"), "comments.json").addQueryParameter("sort_order", "desc")
			.build();
		Answer answer = call(request(url).get().build());
		switch (answer.status()) {
			case 200 -> {
			}
			case 401, 403 -> throw new HelpdeskException(new HelpdeskFailure.Unauthorized(answer.status()));
			case 404 -> throw new HelpdeskException(new HelpdeskFailure.NotFound(ticketId));
			case 429 -> throw new HelpdeskException(new HelpdeskFailure.RateLimited(answer.retryAfter()));
			default -> throw new IOException("comments of ticket " + ticketId + " unreadable: HTTP " + answer.status());
		}
		StringBuilder bodies = new StringBuilder();
		for (JsonNode comment : parse(answer.body()).path("comments")) {
			bodies.append(comment.path("body").asString(""))
				.append('\n')
				.append(comment.path("plain_body").asString(""));
		}
		Set<UUID> found = new HashSet<>();
		for (UUID commandId : commandIds) {
			if (bodies.indexOf(marker(commandId)) >= 0) {
				found.add(commandId);
			}
		}
		return found;
	}

	/**
	 * The marker of a command in the comment it is written with: a short visible
	 * reference on the comment's last line, {@code [sb:1a2b3c4d]} (the first 8 hex digits
	 * of the command id; one per command of a joined comment). Visible, because it is the
	 * one place Zendesk keeps as written: a comment's {@code body} comes back verbatim
	 * (also in {@code plain_body}), while a comment's {@code metadata} is read-only
	 * (system data and flags), {@code html_body} is sanitised (an HTML comment is not
	 * documented to survive, and a plain-text body has nowhere to hide it), and tags
	 * belong to the ticket, not to a comment, and would pile up in every agent's tag list
	 * and in triggers. 32 bits of a name-based or random id make a clash among one
	 * ticket's recent comments negligible.
	 */
	static String marker(UUID commandId) {
		return "[sb:" + commandId.toString().substring(0, 8) + "]";
	}

	@Override
	public HelpdeskTicket createFollowUp(String closedTicketId, TicketUpdate update) {
		Map<String, Object> ticket = fields(update);
		ticket.put("via_followup_source_id", Long.parseLong(id(closedTicketId, "ticket id")));
		ticket.putIfAbsent("comment", Map.of("body",
				"Follow-up of closed ticket #" + closedTicketId + ", created by Switchboard.", "public", false));
		return ticket(send(
				request(url("tickets.json").build()).header(IDEMPOTENCY_KEY, "switchboard-followup-" + closedTicketId)
					.post(body(ticket)),
				closedTicketId));
	}

	@Override
	public HelpdeskUser user(String userId) {
		HelpdeskUser cached = this.users.getIfPresent(userId);
		return (cached != null) ? cached : freshUser(userId);
	}

	/**
	 * Not through {@code Cache.get(key, loader)}: the loader would hold a lock of the
	 * cache's map during a request and its retries.
	 */
	@Override
	public HelpdeskUser freshUser(String userId) {
		JsonNode user = send(request(url("users", id(userId, "user id") + ".json").build()).get(), userId).path("user");
		if (!user.has("id")) {
			throw new HelpdeskException(new HelpdeskFailure.Malformed("no user in the response"));
		}
		HelpdeskUser found = new HelpdeskUser(user.path("id").asString(), text(user, "name"), text(user, "email"),
				text(user, "phone"));
		this.users.put(userId, found);
		return found;
	}

	@Override
	public List<HelpdeskUser> endUsersByPhone(String digits) {
		HttpUrl url = url("search.json").addQueryParameter("query", "role:end-user phone:*" + digits).build();
		JsonNode results = send(request(url).get(), digits).path("results");
		List<HelpdeskUser> users = new ArrayList<>();
		for (JsonNode user : results) {
			if ("user".equals(text(user, "result_type")) || user.has("phone")) {
				users.add(new HelpdeskUser(user.path("id").asString(), text(user, "name"), text(user, "email"),
						text(user, "phone")));
			}
		}
		return users;
	}

	@Override
	public HelpdeskUser createEndUser(String name, String phone) {
		Map<String, Object> user = Map.of("name", name, "phone", phone, "role", "end-user");
		JsonNode created = send(request(url("users.json").build())
			.post(RequestBody.create(this.json.writeValueAsBytes(Map.of("user", user)), JSON)), phone).path("user");
		if (!created.has("id")) {
			throw new HelpdeskException(new HelpdeskFailure.Malformed("no user in the response"));
		}
		return new HelpdeskUser(created.path("id").asString(), text(created, "name"), text(created, "email"),
				text(created, "phone"));
	}

	@Override
	public List<HelpdeskTicket> requestedTickets(String userId) {
		HttpUrl url = url("users", id(userId, "user id"), "tickets", "requested.json")
			.addQueryParameter("sort_by", "updated_at")
			.addQueryParameter("sort_order", "desc")
			.build();
		JsonNode tickets = send(request(url).get(), userId).path("tickets");
		List<HelpdeskTicket> found = new ArrayList<>();
		for (JsonNode ticket : tickets) {
			found.add(ticketOf(ticket));
		}
		return found;
	}

	@Override
	public HelpdeskTicket createTicket(String subject, @Nullable String requesterId, TicketUpdate update,
			String idempotencyKey) {
		Map<String, Object> ticket = fields(update);
		ticket.put("subject", subject);
		if (requesterId != null) {
			ticket.put("requester_id", Long.parseLong(id(requesterId, "requester id")));
		}
		return ticket(
				send(request(url("tickets.json").build()).header(IDEMPOTENCY_KEY, idempotencyKey).post(body(ticket)),
						subject));
	}

	@Override
	public boolean isSwitchboard(HelpdeskUser user) {
		return user.email() != null && user.email().equalsIgnoreCase(this.properties.email());
	}

	private Map<String, Object> fields(TicketUpdate update) {
		Map<String, Object> ticket = new LinkedHashMap<>();
		if (update.comment() != null) {
			String body = update.comment().body();
			if (!update.commandIds().isEmpty()) {
				body += "\n\n" + String.join(" ", update.commandIds().stream().map(ZendeskHelpdesk::marker).toList());
			}
			ticket.put("comment", Map.of("body", body, "public", update.comment().publicComment()));
		}
		if (update.status() != null) {
			ticket.put("status", update.status());
		}
		if (!update.additionalTags().isEmpty()) {
			ticket.put("additional_tags", update.additionalTags());
		}
		if (!update.customFields().isEmpty()) {
			List<Map<String, Object>> fields = new ArrayList<>();
			update.customFields().forEach((id, value) -> {
				Map<String, Object> field = new LinkedHashMap<>();
				field.put("id", numeric(id, "custom field id"));
				field.put("value", value);
				fields.add(field);
			});
			ticket.put("custom_fields", fields);
		}
		return ticket;
	}

	private static long numeric(String id, String what) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new HelpdeskException(new HelpdeskFailure.Rejected(400, what + " '" + id + "' is not numeric"));
		}
	}

	private RequestBody body(Map<String, Object> ticket) {
		return RequestBody.create(this.json.writeValueAsBytes(Map.of("ticket", ticket)), JSON);
	}

	/**
	 * {@code /api/v2/<segments>} on the base URL, each segment added (and so
	 * percent-encoded) as one segment: a {@code /}, {@code ?} or {@code %2F} in an id
	 * cannot add or climb segments. OkHttp still reads a segment that is exactly
	 * {@code ..} as "up", which is why ids are checked ({@link #id}) before they become a
	 * segment.
	 */
	private HttpUrl.Builder url(String... segments) {
		HttpUrl.Builder url = HttpUrl.get(String.valueOf(this.properties.baseUrl()))
			.newBuilder()
			.encodedPath("/")
			.addPathSegment("api")
			.addPathSegment("v2");
		for (String segment : segments) {
			url.addPathSegment(segment);
		}
		return url;
	}

	private HttpUrl ticketUrl(String ticketId) {
		return url("tickets", id(ticketId, "ticket id") + ".json").build();
	}

	/**
	 * Refuses, before any request, an id that is not a helpdesk id: the callers check
	 * where ids enter, this is the last line.
	 */
	private static String id(String id, String what) {
		if (!HelpdeskIds.valid(id)) {
			throw new HelpdeskException(new HelpdeskFailure.Rejected(400,
					what + " " + HelpdeskIds.quoted(id) + " is not a helpdesk id (" + HelpdeskIds.RULE + ")"));
		}
		return id;
	}

	private Request.Builder request(HttpUrl url) {
		return new Request.Builder().url(url)
			.header("Authorization", Credentials.basic(this.properties.email() + "/token", this.properties.apiToken()))
			.header("Accept", "application/json");
	}

	private JsonNode send(Request.Builder builder, String subject) {
		Request request = builder.build();
		return send(() -> call(request), subject);
	}

	private JsonNode send(Callable<Answer> attempt, String subject) {
		Answer answer;
		try {
			answer = this.retry.executeCallable(attempt);
		}
		catch (HelpdeskException ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw new HelpdeskException(
					new HelpdeskFailure.Unavailable(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
		}
		catch (Exception ex) {
			throw new HelpdeskException(new HelpdeskFailure.Unavailable(ex.toString()));
		}
		return switch (answer.status()) {
			case 200, 201 -> parse(answer.body());
			case 401, 403 -> throw new HelpdeskException(new HelpdeskFailure.Unauthorized(answer.status()));
			case 404 -> throw new HelpdeskException(new HelpdeskFailure.NotFound(subject));
			case 409 -> throw new HelpdeskException(new HelpdeskFailure.Conflict(subject));
			case 429 -> throw new HelpdeskException(new HelpdeskFailure.RateLimited(answer.retryAfter()));
			default -> throw new HelpdeskException(new HelpdeskFailure.Rejected(answer.status(), error(answer.body())));
		};
	}

	private Answer call(Request request) throws IOException {
		this.budget.spend(); // Zendesk counts every attempt, retries included
		try (Response response = this.http.newCall(request).execute()) {
			if (response.code() >= 500) {
				throw new ZendeskServerError(response.code());
			}
			return new Answer(response.code(), response.body().string(), retryAfter(response.header("Retry-After")));
		}
	}

	private JsonNode parse(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new HelpdeskException(new HelpdeskFailure.Malformed("not JSON"));
		}
	}

	private HelpdeskTicket ticket(JsonNode response) {
		return ticketOf(response.path("ticket"));
	}

	private HelpdeskTicket ticketOf(JsonNode ticket) {
		String id = text(ticket, "id");
		String status = text(ticket, "status");
		String updatedAt = text(ticket, "updated_at");
		if (id == null || status == null || updatedAt == null) {
			throw new HelpdeskException(new HelpdeskFailure.Malformed("ticket without id, status or updated_at"));
		}
		return new HelpdeskTicket(id, status, updatedAt, text(ticket, "requester_id"), text(ticket, "subject"),
				text(ticket, "description"));
	}

	private String error(String body) {
		try {
			JsonNode node = this.json.readTree(body);
			String error = text(node, "error");
			String description = text(node, "description");
			return (description != null) ? description : (error != null) ? error : "no details";
		}
		catch (JacksonException ex) {
			return "no details";
		}
	}

	private static Duration retryAfter(@Nullable String header) {
		if (header == null) {
			return DEFAULT_RETRY_AFTER;
		}
		try {
			return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
		}
		catch (NumberFormatException ex) {
			return DEFAULT_RETRY_AFTER;
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private record Answer(int status, String body, Duration retryAfter) {
	}

}
