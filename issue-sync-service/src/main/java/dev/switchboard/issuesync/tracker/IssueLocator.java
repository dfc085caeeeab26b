package dev.switchboard.issuesync.tracker;

/** How to find an issue at its tracker: what a URL names. */
public sealed interface IssueLocator permits GithubIssueNumber, JiraIssueKey {

	Tracker tracker();

	/** {@code owner/repo#42} or {@code KEY-1}. */
	String key();

}
