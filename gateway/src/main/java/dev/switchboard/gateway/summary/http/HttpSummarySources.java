package dev.switchboard.gateway.summary.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.adminapi.DownstreamServices;
import dev.switchboard.gateway.summary.Call;
import dev.switchboard.gateway.summary.Incident;
import dev.switchboard.gateway.summary.LinkedIssue;
import dev.switchboard.gateway.summary.RemoteSession;
import dev.switchboard.gateway.summary.SummarySources;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The services' existing admin endpoints ({@link DownstreamServices}, with the internal
 * token): issue-sync {@code GET /api/links?ticketId=}, crm-bridge
 * {@code GET /api/calls?requesterOf=}, remote-session
 * {@code GET /api/sessions?ticketId=}, statuspage-feed
 * {@code GET /api/incidents?ticketId=}. Anything but 200 with a JSON array throws, and
 * the service is named missing.
 */
@Component
class HttpSummarySources implements SummarySources {

	private static final Duration TIMEOUT = Duration.ofSeconds(4);

	/** At most this many calls and sessions are shown. */
	static final int MAX_ITEMS = 20;

	private final DownstreamServices services;

	private final JsonMapper json;

	HttpSummarySources(DownstreamServices services, JsonMapper json) {
		this.services = services;
		this.json = json;
	}

	@Override
	public List<LinkedIssue> issues(String ticketId) {
		return read(ServiceNames.ISSUE_SYNC, "/api/links?" + DownstreamServices.query("ticketId", ticketId),
				(link) -> new LinkedIssue(text(link, "id"), text(link, "tracker"), text(link, "issueKey"),
						text(link, "issueUrl"), text(link, "title"), text(link, "state"),
						LinkedIssue.stageOf(text(link, "category"), optional(link, "statusCategory")),
						optional(link, "assignee"), instant(link, "updatedAt"), link.path("reports").asInt(1)));
	}

	@Override
	public List<Call> calls(String ticketId) {
		return read(ServiceNames.CRM_BRIDGE, "/api/calls?" + DownstreamServices.query("requesterOf", ticketId),
				(call) -> new Call(text(call, "callSid"), text(call, "direction"), text(call, "status"),
						call.path("endedAt").isNull() || call.path("endedAt").isMissingNode(),
						call.path("missed").asBoolean(false), optional(call, "ticketId"), instant(call, "startedAt"),
						call.path("durationSeconds").isNumber() ? call.path("durationSeconds").asInt() : null,
						optional(call, "recordingUrl")))
			.stream()
			.sorted(Comparator.comparing(Call::startedAt).reversed())
			.limit(MAX_ITEMS)
			.toList();
	}

	@Override
	public List<RemoteSession> sessions(String ticketId) {
		return read(ServiceNames.REMOTE_SESSION, "/api/sessions?" + DownstreamServices.query("ticketId", ticketId),
				HttpSummarySources::session)
			.stream()
			.sorted(Comparator.comparing(RemoteSession::createdAt).reversed())
			.limit(MAX_ITEMS)
			.toList();
	}

	@Override
	public Optional<Incident> incident(String ticketId) {
		return read(ServiceNames.STATUSPAGE_FEED, "/api/incidents?" + DownstreamServices.query("ticketId", ticketId),
				(incident) -> {
					List<String> components = new ArrayList<>();
					incident.path("components").forEach((component) -> components.add(component.asString()));
					return new Incident(text(incident, "code"), text(incident, "title"), text(incident, "status"),
							optional(incident, "link"), instant(incident, "since"), components);
				})
			.stream()
			.max(Comparator.comparing(Incident::since));
	}

	private static RemoteSession session(JsonNode session) {
		String state = text(session, "state");
		boolean live = state.equals("created") || state.equals("invited") || state.equals("started");
		return new RemoteSession(text(session, "id"), text(session, "provider"), state, live,
				text(session, "agentEmail"), live ? optional(session, "agentUrl") : null,
				live ? optional(session, "customerUrl") : null, instant(session, "createdAt"),
				optionalInstant(session, "startedAt"), optionalInstant(session, "endedAt"),
				session.path("durationSeconds").isNumber() ? session.path("durationSeconds").asLong() : null,
				instant(session, "expiresAt"));
	}

	private <T> List<T> read(String service, String pathAndQuery, Function<JsonNode, T> item) {
		DownstreamServices.Answer answer = this.services.get(service, pathAndQuery, TIMEOUT);
		if (answer.status() != 200) {
			throw new IllegalStateException(service + " answered " + answer.status());
		}
		JsonNode items = this.json.readTree(answer.body());
		if (!items.isArray()) {
			throw new IllegalStateException(service + " answered something else than a list");
		}
		List<T> parts = new ArrayList<>();
		items.forEach((node) -> parts.add(item.apply(node)));
		return parts;
	}

	private static String text(JsonNode node, String field) {
		String value = optional(node, field);
		if (value == null) {
			throw new IllegalStateException("no " + field + " in the answer");
		}
		return value;
	}

	private static @Nullable String optional(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	private static Instant instant(JsonNode node, String field) {
		return Instant.parse(text(node, field));
	}

	private static @Nullable Instant optionalInstant(JsonNode node, String field) {
		String value = optional(node, field);
		return (value != null) ? Instant.parse(value) : null;
	}

}
