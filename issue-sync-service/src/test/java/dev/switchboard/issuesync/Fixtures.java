package dev.switchboard.issuesync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Provider payloads kept under src/test/resources, adjusted per test. */
public final class Fixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Fixtures() {
	}

	public static ObjectNode load(String path) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + path);
			}
			return (ObjectNode) JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A GitHub issue (REST shape, taken from the {@code issues} webhook example) in
	 * {@code Codertocat/Hello-World}.
	 */
	public static ObjectNode githubIssue(long id, int number, String state, @Nullable String stateReason,
			String updatedAt) {
		ObjectNode issue = ((ObjectNode) load("github/issues-reopened.json").get("issue")).deepCopy();
		String base = "https://api.github.com/repos/Codertocat/Hello-World/issues/" + number;
		issue.put("id", id);
		issue.put("number", number);
		issue.put("url", base);
		issue.put("html_url", "https://github.com/Codertocat/Hello-World/issues/" + number);
		issue.put("state", state);
		if (stateReason == null) {
			issue.putNull("state_reason");
		}
		else {
			issue.put("state_reason", stateReason);
		}
		issue.put("updated_at", updatedAt);
		return issue;
	}

	/** A GitHub {@code issues} delivery (the octokit example) about the given issue. */
	public static String githubIssuesEvent(String action, ObjectNode issue) {
		ObjectNode payload = load("github/issues-reopened.json");
		payload.put("action", action);
		payload.set("issue", issue);
		return payload.toString();
	}

	public static String json(Object node) {
		return JSON.writeValueAsString(node);
	}

	/** A Jira issue (REST v3 shape) in status In Progress. */
	public static ObjectNode jiraIssue(String id, String key) {
		ObjectNode issue = load("jira/issue.json");
		issue.put("id", id);
		issue.put("key", key);
		return issue;
	}

	/**
	 * A {@code jira:issue_updated} delivery: the issue moved to another project (new key)
	 * and to Done.
	 */
	public static String jiraMovedAndDone(String id, String newKey, long timestamp) {
		ObjectNode payload = load("jira/issue_updated-moved-and-done.json");
		payload.put("timestamp", timestamp);
		ObjectNode issue = (ObjectNode) payload.get("issue");
		issue.put("id", id);
		issue.put("key", newKey);
		return payload.toString();
	}

	/**
	 * A {@code comment_created} delivery on the given issue, or the same comment as Jira
	 * also reports it, a {@code jira:issue_updated} of type {@code issue_commented}.
	 */
	public static String jiraComment(String id, String key, String commentId, boolean asIssueUpdated) {
		ObjectNode payload = load("jira/comment_created.json");
		ObjectNode issue = (ObjectNode) payload.get("issue");
		issue.put("id", id);
		issue.put("key", key);
		((ObjectNode) payload.get("comment")).put("id", commentId);
		if (asIssueUpdated) {
			payload.put("webhookEvent", "jira:issue_updated");
			payload.put("issue_event_type_name", "issue_commented");
			payload.set("user", payload.get("comment").get("author"));
		}
		return payload.toString();
	}

	/** The octokit {@code transferred} example, re-numbered for a test. */
	public static String githubTransferred(ObjectNode from, ObjectNode to, String newRepository) {
		ObjectNode payload = load("github/issues-transferred.json");
		((ObjectNode) payload.get("repository")).put("full_name", "Codertocat/Hello-World");
		payload.set("issue", from);
		ObjectNode changes = (ObjectNode) payload.get("changes");
		changes.set("new_issue", to);
		((ObjectNode) changes.get("new_repository")).put("full_name", newRepository);
		return payload.toString();
	}

	/**
	 * The octokit {@code issue_comment} example, on the given issue, by the given user.
	 */
	public static String githubComment(ObjectNode issue, long commentId, String login, String userType, String body) {
		ObjectNode payload = load("github/issue_comment-created.json");
		((ObjectNode) payload.get("repository")).put("full_name", "Codertocat/Hello-World");
		payload.set("issue", issue);
		ObjectNode comment = (ObjectNode) payload.get("comment");
		comment.put("id", commentId);
		comment.put("body", body);
		((ObjectNode) comment.get("user")).put("login", login).put("type", userType);
		return payload.toString();
	}

	/** The octokit {@code pull_request} closed example, merged, with the given body. */
	public static String githubMergedPullRequest(int number, String body) {
		ObjectNode payload = load("github/pull_request-closed.json");
		ObjectNode pull = (ObjectNode) payload.get("pull_request");
		pull.put("number", number);
		pull.put("html_url", "https://github.com/Codertocat/Hello-World/pull/" + number);
		pull.put("merged", true);
		pull.put("merged_at", "2026-11-23T10:00:00Z");
		pull.put("body", body);
		return payload.toString();
	}

	/** The octokit {@code release} example with the given action, tag, notes and date. */
	public static String githubRelease(String action, long releaseId, String tag, String notes, String publishedAt) {
		ObjectNode payload = load("github/release-published.json");
		payload.put("action", action);
		ObjectNode release = (ObjectNode) payload.get("release");
		release.put("id", releaseId);
		release.put("tag_name", tag);
		release.put("name", "Release " + tag);
		release.put("html_url", "https://github.com/Codertocat/Hello-World/releases/tag/" + tag);
		release.put("published_at", publishedAt);
		release.put("body", notes);
		return payload.toString();
	}

	/**
	 * A pull request as {@code GET /repos/{owner}/{repo}/pulls/{n}} answers it (the same
	 * object as in the webhook), merged, with the given body.
	 */
	public static String githubPullRequest(int number, String body) {
		ObjectNode pull = ((ObjectNode) load("github/pull_request-closed.json").get("pull_request")).deepCopy();
		pull.put("number", number);
		pull.put("html_url", "https://github.com/Codertocat/Hello-World/pull/" + number);
		pull.put("merged", true);
		pull.put("merged_at", "2026-11-20T10:00:00Z");
		pull.put("body", body);
		return pull.toString();
	}

	/** A {@code jira:version_released} delivery (captured form). */
	public static String jiraVersionReleased(String versionId, String name, String releaseDate, long timestamp) {
		ObjectNode payload = load("jira/version_released.json");
		payload.put("timestamp", timestamp);
		ObjectNode version = (ObjectNode) payload.get("version");
		version.put("id", versionId);
		version.put("self", "https://example.atlassian.net/rest/api/2/version/" + versionId);
		version.put("name", name);
		version.put("releaseDate", releaseDate);
		return payload.toString();
	}

	/** Jira's enhanced search ({@code /rest/api/3/search/jql}) answer: one last page. */
	public static String jiraSearch(ObjectNode... issues) {
		ObjectNode result = load("jira/search-jql.json");
		tools.jackson.databind.node.ArrayNode found = result.putArray("issues");
		for (ObjectNode issue : issues) {
			found.add(issue);
		}
		return result.toString();
	}

}
