package dev.switchboard.sandbox.jira;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Jira Cloud's {@code jira:issue_updated} webhook body: {@code timestamp} (epoch ms), the
 * issue as it is now, the user who changed it and the changelog's items ({@code field},
 * {@code from}/{@code fromString}, {@code to}/{@code toString}).
 */
public final class JiraEvents {

	private static final Map<String, Object> ENGINEER = Map.of("accountId", "5b10a2844c20165700ede21g", "displayName",
			"Grace Engineer", "active", true, "accountType", "atlassian");

	private JiraEvents() {
	}

	/** A status transition: {@code issue_generic}, one {@code status} item. */
	public static Map<String, Object> transitioned(JiraIssue before, JiraIssue after, String site) {
		return updated("issue_generic", after, site, List.of(item("status", before.status().id(),
				before.status().statusName(), after.status().id(), after.status().statusName())));
	}

	/**
	 * A move to another project: {@code issue_moved}, the key and the project changed.
	 */
	public static Map<String, Object> moved(JiraIssue before, JiraIssue after, String site) {
		return updated("issue_moved", after, site, List.of(item("Key", null, before.key(), null, after.key()),
				item("project", null, before.projectKey() + " project", null, after.projectKey() + " project")));
	}

	private static Map<String, Object> updated(String eventType, JiraIssue issue, String site,
			List<Map<String, Object>> items) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("timestamp", issue.updatedAt().toEpochMilli());
		root.put("webhookEvent", "jira:issue_updated");
		root.put("issue_event_type_name", eventType);
		root.put("user", ENGINEER);
		root.put("issue", JiraJson.issue(issue, site, Set.of()));
		root.put("changelog",
				Map.of("id", Long.toString(issue.updatedAt().toEpochMilli() % 1_000_000), "items", items));
		return root;
	}

	private static Map<String, Object> item(String field, @Nullable String from, String fromString, @Nullable String to,
			String toString) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("field", field);
		item.put("fieldtype", "jira");
		item.put("from", from);
		item.put("fromString", fromString);
		item.put("to", to);
		item.put("toString", toString);
		return item;
	}

}
