package dev.switchboard.sandbox.github;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub's JSON for an issue and its comments, as the REST API answers them and as the
 * {@code issues} webhook carries the issue.
 */
public final class IssueJson {

	private IssueJson() {
	}

	public static Map<String, Object> issue(Issue issue) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("url", "https://api.github.com/repos/" + issue.repository() + "/issues/" + issue.number());
		json.put("repository_url", "https://api.github.com/repos/" + issue.repository());
		json.put("html_url", issue.htmlUrl());
		json.put("id", issue.id());
		json.put("number", issue.number());
		json.put("title", issue.title());
		json.put("user", Map.of("login", "octocat", "id", 1));
		json.put("labels", issue.labels().stream().map((label) -> Map.of("name", label)).toList());
		json.put("state", issue.state());
		json.put("state_reason", issue.stateReason());
		json.put("locked", false);
		json.put("comments", issue.comments().size());
		json.put("created_at", "2026-01-01T00:00:00Z");
		json.put("updated_at", issue.updatedAt().toString());
		json.put("closed_at", issue.state().equals("closed") ? issue.updatedAt().toString() : null);
		json.put("body", "Found by the support team.");
		return json;
	}

	public static Map<String, Object> repository(String fullName) {
		return Map.of("id", Math.abs(fullName.hashCode()), "name", fullName.substring(fullName.indexOf('/') + 1),
				"full_name", fullName, "html_url", "https://github.com/" + fullName);
	}

	static Map<String, Object> comment(Issue.Comment comment) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", comment.id());
		json.put("body", comment.body());
		json.put("user", Map.of("login", "switchboard[bot]", "id", 2));
		json.put("updated_at", comment.updatedAt().toString());
		return json;
	}

	static List<Map<String, Object>> comments(Issue issue) {
		return issue.comments().stream().map(IssueJson::comment).toList();
	}

}
