package dev.switchboard.sandbox.jira;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Jira Cloud's JSON (REST v3 and webhooks): the issue with {@code id} and {@code key} at
 * the top and its {@code fields}, times as {@code 2026-11-23T10:00:00.000+0000}, comment
 * bodies as Atlassian Documents.
 */
public final class JiraJson {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
		.withZone(ZoneOffset.UTC);

	private static final Map<String, Object> REPORTER = Map.of("accountId", "5b10a2844c20165700ede21g", "displayName",
			"Grace Engineer", "active", true);

	private JiraJson() {
	}

	/**
	 * The issue; with {@code fields} (a comma-separated list, as the REST API's query
	 * parameter) only those fields.
	 */
	public static Map<String, Object> issue(JiraIssue issue, String site, Set<String> fields) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("summary", issue.summary());
		all.put("status", status(issue.status(), site));
		all.put("resolution", (issue.resolution() != null) ? Map.of("id", "10000", "name", issue.resolution(),
				"description", "Work has been completed on this issue.") : null);
		all.put("updated", time(issue.updatedAt()));
		all.put("created", "2026-01-05T09:00:00.000+0000");
		all.put("project", Map.of("key", issue.projectKey(), "name", issue.projectKey() + " project"));
		all.put("issuetype", Map.of("id", "10004", "name", "Bug", "subtask", false));
		all.put("labels", issue.labels());
		all.put("reporter", REPORTER);
		all.put("assignee", REPORTER);
		all.put("comment", Map.of("comments", issue.comments().stream().map(JiraJson::comment).toList(), "maxResults",
				issue.comments().size(), "total", issue.comments().size(), "startAt", 0));
		Map<String, Object> shown = new LinkedHashMap<>();
		all.forEach((name, value) -> {
			if (fields.isEmpty() || fields.contains(name) || fields.contains("*all")) {
				shown.put(name, value);
			}
		});
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
		json.put("id", Long.toString(issue.id()));
		json.put("self", site + "/rest/api/3/issue/" + issue.id());
		json.put("key", issue.key());
		json.put("fields", shown);
		return json;
	}

	public static Map<String, Object> comment(JiraIssue.Comment comment) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(comment.id()));
		json.put("author", Map.of("accountId", "557058:switchboard", "displayName", "Switchboard", "active", true));
		json.put("body", document(comment.text()));
		json.put("created", time(comment.createdAt()));
		json.put("updated", time(comment.updatedAt()));
		return json;
	}

	static String time(Instant instant) {
		return TIME.format(instant);
	}

	/** A plain text as an Atlassian Document: one paragraph per line. */
	static Map<String, Object> document(String text) {
		List<Map<String, Object>> paragraphs = text.lines()
			.map((line) -> Map.<String, Object>of("type", "paragraph", "content",
					line.isEmpty() ? List.of() : List.of(Map.of("type", "text", "text", line))))
			.toList();
		return Map.of("type", "doc", "version", 1, "content", paragraphs);
	}

	/**
	 * An Atlassian Document's text, a line per paragraph; blank when it holds none (or is
	 * no document).
	 */
	static String text(JsonNode document) {
		if (!"doc".equals(document.path("type").asString(""))) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode block : document.path("content")) {
			appendText(block, text);
			text.append('\n');
		}
		return text.toString().strip();
	}

	private static void appendText(JsonNode node, StringBuilder text) {
		if ("text".equals(node.path("type").asString("")) && node.path("text").isString()) {
			text.append(node.path("text").asString());
		}
		for (JsonNode child : node.path("content")) {
			appendText(child, text);
		}
	}

	static Map<String, Object> status(JiraIssue.Status status, String site) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("self", site + "/rest/api/3/status/" + status.id());
		json.put("name", status.statusName());
		json.put("id", status.id());
		json.put("statusCategory",
				Map.of("key", status.categoryKey(), "name", status.categoryName(), "colorName", switch (status) {
					case TO_DO -> "blue-gray";
					case IN_PROGRESS -> "yellow";
					case DONE -> "green";
				}));
		return json;
	}

}
