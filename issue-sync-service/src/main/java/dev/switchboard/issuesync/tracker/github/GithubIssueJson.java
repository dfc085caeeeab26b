package dev.switchboard.issuesync.tracker.github;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.StateCategory;
import dev.switchboard.issuesync.tracker.Tracker;
import dev.switchboard.issuesync.tracker.TrackerFailure;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** GitHub's issue object (REST and webhooks share it) as an {@link IssueSnapshot}. */
final class GithubIssueJson {

	private GithubIssueJson() {
	}

	/**
	 * @param repository {@code owner/repo}; taken from {@code repository_url} when absent
	 */
	static IssueSnapshot snapshot(JsonNode issue, @Nullable String repository, @Nullable String etag) {
		try {
			String id = required(issue, "id");
			String number = required(issue, "number");
			String repo = (repository != null) ? repository : repositoryOf(required(issue, "repository_url"));
			String state = required(issue, "state");
			String reason = text(issue, "state_reason");
			StateCategory category = category(state, reason);
			return new IssueSnapshot(Tracker.GITHUB, id, repo + "#" + number, required(issue, "html_url"),
					required(issue, "title"), label(state, reason), category,
					Instant.parse(required(issue, "updated_at")), etag, text(issue.path("assignee"), "login"), null);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new TrackerFailure.Malformed(Tracker.GITHUB, "issue", ex);
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

	private static String repositoryOf(String repositoryUrl) {
		String[] parts = repositoryUrl.split("/");
		if (parts.length < 2) {
			throw new IllegalArgumentException("repository_url");
		}
		return parts[parts.length - 2] + "/" + parts[parts.length - 1];
	}

	private static StateCategory category(String state, @Nullable String reason) {
		if (!"closed".equals(state)) {
			return StateCategory.OPEN;
		}
		return ("not_planned".equals(reason) || "duplicate".equals(reason)) ? StateCategory.NOT_PLANNED
				: StateCategory.COMPLETED;
	}

	private static String label(String state, @Nullable String reason) {
		if (!"closed".equals(state) || reason == null || reason.isBlank()) {
			return state;
		}
		return state + " as " + reason.replace('_', ' ');
	}

}
