package dev.switchboard.issuesync.tracker;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One tracker's API. Methods throw {@link TrackerFailure}; short waits are retried
 * inside.
 */
public interface IssueTracker {

	Tracker tracker();

	IssueSnapshot read(IssueLocator issue);

	/** A conditional read: empty when the issue has not changed since {@code etag}. */
	Optional<IssueSnapshot> readIfChanged(IssueLocator issue, @Nullable String etag);

	/**
	 * Creates the summary comment, or edits it in place when {@code commentId} is given.
	 * @return the comment's id
	 */
	String writeReportComment(IssueLocator issue, @Nullable String commentId, String body);

	/** Adds the label; adding one the issue has already changes nothing. */
	void addLabel(IssueLocator issue, String label);

	/** Removes the label; removing one the issue does not have changes nothing. */
	void removeLabel(IssueLocator issue, String label);

	/**
	 * The issues a merged pull request ({@code owner/repo#7}) closes by its closing
	 * keywords; empty when it is not merged or is no pull request (GitHub).
	 */
	default java.util.List<IssueLocator> closedByPullRequest(String pullRequest) {
		return java.util.List.of();
	}

	/** The issues whose fix versions contain the version (Jira). */
	default java.util.List<IssueSnapshot> fixedIn(String versionId) {
		return java.util.List.of();
	}

}
