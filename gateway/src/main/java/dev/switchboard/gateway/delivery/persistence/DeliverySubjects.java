package dev.switchboard.gateway.delivery.persistence;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.contracts.InboundDelivery;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a delivery was about in a few words, read from its verified body once at ingest
 * ("issues closed acme/widgets#42", "call CA… completed", "ticket 4711
 * ticket.comment_added"), so that the log lists it without loading bodies. Best effort: a
 * body it cannot read, or one over {@link #LARGEST_READ}, has no summary.
 */
class DeliverySubjects {

	static final int LARGEST_READ = 1024 * 1024;

	static final int LONGEST = 300;

	private final JsonMapper json;

	DeliverySubjects(JsonMapper json) {
		this.json = json;
	}

	@Nullable String of(InboundDelivery delivery) {
		if (delivery.body().length == 0 || delivery.body().length > LARGEST_READ) {
			return null;
		}
		try {
			String about = switch (delivery.provider()) {
				case "twilio" -> twilio(delivery.eventType(), form(delivery.body()));
				default -> fromJson(delivery.provider(), delivery.eventType(), this.json.readTree(delivery.body()));
			};
			return (about == null || about.isBlank()) ? null : shortened(about.strip());
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String fromJson(String provider, String event, JsonNode body) {
		return switch (provider) {
			case "github" -> github(event, body);
			case "jira" -> join(text(body, "webhookEvent"), text(body.path("issue"), "key"),
					parenthesised(text(body.path("issue").path("fields").path("status"), "name")));
			case "zendesk" -> join("ticket", firstOf(text(body.path("detail"), "id"), ticketOf(text(body, "subject"))),
					text(body, "type").replace("zen:event-type:", "").replaceFirst("^ticket\\.", ""));
			case "statuspage" -> body.has("incident")
					? join("incident", quoted(text(body.path("incident"), "name")),
							text(body.path("incident"), "status"))
					: join("component", quoted(text(body.path("component"), "name")),
							text(body.path("component_update"), "new_status"));
			default -> join(firstOf(text(body, "type"), event),
					firstOf(text(body.path("data"), "session_id"), text(body.path("data"), "id")));
		};
	}

	private static String github(String event, JsonNode body) {
		String repository = text(body.path("repository"), "full_name");
		String number = firstOf(text(body.path("issue"), "number"), text(body.path("pull_request"), "number"));
		String target = number.isEmpty() ? repository : repository + "#" + number;
		String release = text(body.path("release"), "tag_name");
		return join(event, text(body, "action"), target, release);
	}

	private static String twilio(String event, Map<String, String> form) {
		String call = form.getOrDefault("CallSid", "");
		return event.startsWith("recording") ? join("recording of call", call, form.getOrDefault("RecordingStatus", ""))
				: join("call", call, form.getOrDefault("CallStatus", ""));
	}

	private static Map<String, String> form(byte[] body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() || value.isNumber() || value.isBoolean()) ? value.asString() : "";
	}

	private static String ticketOf(String subject) {
		return subject.startsWith("zen:ticket:") ? subject.substring("zen:ticket:".length()) : "";
	}

	private static String firstOf(String first, String second) {
		return first.isEmpty() ? second : first;
	}

	private static String quoted(String value) {
		return value.isEmpty() ? "" : "\u201c" + value + "\u201d";
	}

	private static String parenthesised(String value) {
		return value.isEmpty() ? "" : "(" + value + ")";
	}

	private static String join(String... parts) {
		StringBuilder joined = new StringBuilder();
		for (String part : parts) {
			if (!part.isBlank()) {
				joined.append(joined.isEmpty() ? "" : " ").append(part);
			}
		}
		return joined.toString();
	}

	private static String shortened(String about) {
		return (about.length() <= LONGEST) ? about : about.substring(0, LONGEST - 1) + "\u2026";
	}

}
