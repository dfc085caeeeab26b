package dev.switchboard.issuesync.tracker.jira;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.StateCategory;
import dev.switchboard.issuesync.tracker.Tracker;
import dev.switchboard.issuesync.tracker.TrackerFailure;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Jira's issue object (REST v3 and webhooks) as an {@link IssueSnapshot}: the state is
 * the status name, its category ({@code new}, {@code indeterminate}, {@code done})
 * decides whether the work is complete; a done issue resolved as "Won't Do" and the like
 * counts as not planned.
 */
final class JiraIssueJson {

	/** Jira's timestamps: {@code 2026-11-23T10:00:00.000+0000}. */
	private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private static final Set<String> NOT_PLANNED = Set.of("won't do", "won't fix", "duplicate", "cannot reproduce",
			"declined", "obsolete");

	private JiraIssueJson() {
	}

	static IssueSnapshot snapshot(JsonNode issue, String site, @Nullable Instant updatedAt) {
		try {
			JsonNode fields = issue.path("fields");
			JsonNode status = fields.path("status");
			String key = required(issue, "key");
			Instant updated = (updatedAt != null) ? updatedAt
					: OffsetDateTime.parse(required(fields, "updated"), JIRA_TIME).toInstant();
			String statusCategory = text(status.path("statusCategory"), "key");
			return new IssueSnapshot(Tracker.JIRA, required(issue, "id"), key, site + "/browse/" + key,
					required(fields, "summary"), required(status, "name"),
					category(statusCategory, text(fields.path("resolution"), "name")), updated, null,
					text(fields.path("assignee"), "displayName"), statusCategory);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new TrackerFailure.Malformed(Tracker.JIRA, "issue", ex);
		}
	}

	/**
	 * A comment body as text: webhooks send it as a string (wiki markup), REST v3 as an
	 * Atlassian Document (its {@code text} nodes, a line per paragraph).
	 */
	static String plainText(JsonNode body) {
		if (body.isString()) {
			return body.asString();
		}
		StringBuilder text = new StringBuilder();
		appendText(body, text);
		String plain = text.toString().strip();
		if (plain.isEmpty()) {
			throw new IllegalArgumentException("missing body");
		}
		return plain;
	}

	private static void appendText(JsonNode node, StringBuilder text) {
		if ("text".equals(text(node, "type")) && node.path("text").isString()) {
			text.append(node.path("text").asString());
		}
		for (JsonNode child : node.path("content")) {
			appendText(child, text);
		}
		if ("paragraph".equals(text(node, "type"))) {
			text.append('\n');
		}
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

	static String required(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("missing " + field);
		}
		return value;
	}

	private static StateCategory category(@Nullable String statusCategory, @Nullable String resolution) {
		if (!"done".equals(statusCategory)) {
			return StateCategory.OPEN;
		}
		return (resolution != null && NOT_PLANNED.contains(resolution.toLowerCase(java.util.Locale.ROOT)))
				? StateCategory.NOT_PLANNED : StateCategory.COMPLETED;
	}

}
