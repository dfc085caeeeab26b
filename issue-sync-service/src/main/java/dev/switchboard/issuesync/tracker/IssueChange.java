package dev.switchboard.issuesync.tracker;

import org.jspecify.annotations.Nullable;

/** What a tracker's webhook (or a reconciliation read) says happened to an issue. */
public sealed interface IssueChange permits IssueChange.Updated, IssueChange.Transferred, IssueChange.Commented,
		IssueChange.FixMerged, IssueChange.Released, IssueChange.VersionReleased {

	String correlationId();

	/**
	 * The issue as it is after the change (state, title, key, updated time).
	 *
	 * @param previousState the state before, when the source says so (Jira changelog)
	 * @param actor who changed it
	 */
	record Updated(IssueSnapshot after, @Nullable String previousState, @Nullable String actor,
			String correlationId) implements IssueChange {
	}

	/**
	 * A GitHub issue moved to another repository: a new issue with a new id.
	 */
	record Transferred(IssueSnapshot from, IssueSnapshot to, @Nullable String actor,
			String correlationId) implements IssueChange {
	}

	/**
	 * Someone commented on the issue.
	 *
	 * @param issue the issue as the event describes it (its state is not a change)
	 * @param commentId the tracker's comment id
	 */
	record Commented(IssueSnapshot issue, String commentId, @Nullable String author, String body,
			String correlationId) implements IssueChange {
	}

	/**
	 * A pull request was merged whose description closes issues (closing keywords such as
	 * "Fixes #42"); the pull request payload does not list them, so they are read from
	 * its title and body.
	 *
	 * @param pullRequest {@code owner/repo#7}
	 */
	record FixMerged(String pullRequest, String title, String url, java.util.List<IssueLocator> closes,
			@Nullable String mergedBy, java.time.Instant mergedAt, String correlationId) implements IssueChange {
	}

	/**
	 * A GitHub release was published: the issues and pull requests its notes reference
	 * ("Fixes #42", "#42", {@code owner/repo#42}, issue and pull request URLs).
	 *
	 * @param releaseId GitHub's release id
	 * @param version the tag, without a leading {@code v}
	 * @param issues references that may name issues
	 * @param pullRequests references that may name pull requests ({@code owner/repo#7})
	 * @param explicitPullRequests those written as pull request URLs: read from GitHub
	 * when the merge was not seen
	 */
	record Released(String releaseId, String version, String url, java.time.Instant releasedAt,
			java.util.List<IssueLocator> issues, java.util.List<String> pullRequests,
			java.util.List<String> explicitPullRequests, String correlationId) implements IssueChange {
	}

	/**
	 * A Jira version was released ({@code jira:version_released}): its issues are the
	 * ones whose fix versions contain it, read through Jira's search.
	 *
	 * @param releaseDate the version's release date, when set
	 */
	record VersionReleased(String versionId, String name, java.time.@Nullable LocalDate releaseDate,
			java.time.Instant at, String correlationId) implements IssueChange {
	}

}
