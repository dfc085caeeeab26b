package dev.switchboard.sandbox.jira;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A simulated Jira issue at one moment: {@code id} (digits) never changes, {@code key}
 * changes when the issue moves to another project; the status belongs to one of Jira's
 * three status categories ({@code new}, {@code indeterminate}, {@code done}).
 *
 * @param formerKeys the keys it had before moves (Jira still finds it by them)
 */
public record JiraIssue(long id, String key, String summary, Status status, @Nullable String resolution,
		Instant updatedAt, List<Comment> comments, List<String> labels, List<String> formerKeys) {

	public JiraIssue {
		comments = List.copyOf(comments);
		labels = List.copyOf(labels);
		formerKeys = List.copyOf(formerKeys);
	}

	public String projectKey() {
		return this.key.substring(0, this.key.indexOf('-'));
	}

	/** A status of the default workflow and its category. */
	public enum Status {

		TO_DO("To Do", "10000", "new", "To Do"), IN_PROGRESS("In Progress", "3", "indeterminate", "In Progress"),
		DONE("Done", "10001", "done", "Done");

		private final String statusName;

		private final String id;

		private final String categoryKey;

		private final String categoryName;

		Status(String statusName, String id, String categoryKey, String categoryName) {
			this.statusName = statusName;
			this.id = id;
			this.categoryKey = categoryKey;
			this.categoryName = categoryName;
		}

		public String statusName() {
			return this.statusName;
		}

		public String id() {
			return this.id;
		}

		public String categoryKey() {
			return this.categoryKey;
		}

		public String categoryName() {
			return this.categoryName;
		}

	}

	/**
	 * A comment as text (its body arrives as an Atlassian Document); edits keep its id.
	 */
	public record Comment(long id, String text, Instant createdAt, Instant updatedAt) {
	}

}
