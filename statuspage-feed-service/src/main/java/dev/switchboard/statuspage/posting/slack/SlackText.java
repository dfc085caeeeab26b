package dev.switchboard.statuspage.posting.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.statuspage.posting.IncidentView;
import org.jspecify.annotations.Nullable;

/** Slack mrkdwn for parents and replies, with the impact as the attachment colour. */
final class SlackText {

	private SlackText() {
	}

	static String fallback(IncidentView view, String status) {
		return escape(view.title()) + " – " + label(status);
	}

	static String reply(IncidentView view) {
		return "*" + label(view.status()) + "* – " + escape(view.text());
	}

	static Map<String, Object> attachment(IncidentView view, String status, @Nullable String text) {
		Map<String, Object> attachment = new LinkedHashMap<>();
		attachment.put("color", colour(view.impact(), status));
		attachment.put("title", view.title());
		if (view.link() != null) {
			attachment.put("title_link", view.link());
		}
		if (text != null && !text.isBlank()) {
			attachment.put("text", "*" + label(status) + "* – " + escape(text));
		}
		attachment.put("fields", List.of(Map.of("title", "Status", "value", label(status), "short", true), Map
			.of("title", "Impact", "value", (view.impact() != null) ? view.impact() : "unknown", "short", true)));
		return attachment;
	}

	static String colour(@Nullable String impact, String status) {
		if (status.equals("resolved") || status.equals("completed") || status.equals("postmortem")) {
			return "#2eb67d";
		}
		if (impact == null) {
			return "#ecb22e";
		}
		return switch (impact) {
			case "critical" -> "#e01e5a";
			case "major" -> "#f2952f";
			case "minor" -> "#ecb22e";
			case "maintenance" -> "#1d9bd1";
			default -> "#9e9ea6";
		};
	}

	static String label(String status) {
		String words = status.replace('_', ' ');
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** Slack's three control characters. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
