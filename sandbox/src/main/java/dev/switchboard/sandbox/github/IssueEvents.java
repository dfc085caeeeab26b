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

	/**
	 * {@code issues} {@code transferred}: sent from the old repository with the issue as
	 * it was there, and {@code changes.new_issue} / {@code changes.new_repository} for
	 * where it is now.
	 */
	public static Map<String, Object> transferred(Issue from, Issue to) {
		Map<String, Object> root = issues("transferred", from);
		root.put("changes",
				Map.of("new_issue", IssueJson.issue(to), "new_repository", IssueJson.repository(to.repository())));
		return root;
	}

}
