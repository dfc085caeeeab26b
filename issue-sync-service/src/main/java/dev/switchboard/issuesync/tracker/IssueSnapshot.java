package dev.switchboard.issuesync.tracker;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An issue as its tracker last described it.
 *
 * @param issueId the tracker's immutable id (GitHub {@code issue.id}, Jira
 * {@code issue.id})
 * @param key {@code owner/repo#42} or {@code KEY-1} (changes on transfer or project move)
 * @param state the state as people read it: {@code open}, {@code closed as completed},
 * Jira's status name
 * @param updatedAt the tracker's last-updated time: orders the events of one issue
 * @param etag the tracker's ETag of the read, for conditional re-reads
 * @param assignee who the issue is assigned to (GitHub login, Jira display name), if
 * anyone
 * @param statusCategory Jira's status category ({@code new}, {@code indeterminate},
 * {@code done}); {@code null} for GitHub, which has none
 */
public record IssueSnapshot(Tracker tracker, String issueId, String key, String url, String title, String state,
		StateCategory category, Instant updatedAt, @Nullable String etag, @Nullable String assignee,
		@Nullable String statusCategory) {

	/** An issue whose assignee and status category are not known (as before V8). */
	public IssueSnapshot(Tracker tracker, String issueId, String key, String url, String title, String state,
			StateCategory category, Instant updatedAt, @Nullable String etag) {
		this(tracker, issueId, key, url, title, state, category, updatedAt, etag, null, null);
	}

	public IssueSnapshot {
		if (issueId.isBlank() || key.isBlank() || url.isBlank() || state.isBlank()) {
			throw new IllegalArgumentException("incomplete issue " + tracker + " " + issueId);
		}
	}

	/** GitHub {@code owner/repo#42} / Jira {@code KEY-1}, for notes. */
	public String displayName() {
		return this.tracker.displayName() + " " + this.key;
	}

	public boolean sameStateAs(IssueSnapshot other) {
		return this.state.equals(other.state) && this.category == other.category;
	}

	/** Where to read this issue again. */
	public IssueLocator locator() {
		return switch (this.tracker) {
			case GITHUB -> GithubIssueNumber.parse(this.key);
			case JIRA -> new JiraIssueKey(this.issueId);
		};
	}

	public IssueSnapshot withEtag(@Nullable String etag) {
		return new IssueSnapshot(this.tracker, this.issueId, this.key, this.url, this.title, this.state, this.category,
				this.updatedAt, etag, this.assignee, this.statusCategory);
	}

}
