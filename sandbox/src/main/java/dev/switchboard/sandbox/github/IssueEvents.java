package dev.switchboard.sandbox.github;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub's {@code issues} webhook body: the action, the issue as it is now, its
 * repository.
 */
public final class IssueEvents {

	private IssueEvents() {
	}

	public static Map<String, Object> issues(String action, Issue issue) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("action", action);
		root.put("issue", IssueJson.issue(issue));
		root.put("repository", IssueJson.repository(issue.repository()));
		root.put("sender", Map.of("login", "octocat", "id", 1, "type", "User"));
		return root;
	}

}
