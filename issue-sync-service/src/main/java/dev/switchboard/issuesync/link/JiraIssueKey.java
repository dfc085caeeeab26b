package dev.switchboard.issuesync.link;

/** A Jira issue by id or key ({@code KEY-1}); the REST API takes either. */
public record JiraIssueKey(String idOrKey) implements IssueLocator {

	public JiraIssueKey {
		if (idOrKey.isBlank()) {
			throw new IllegalArgumentException("Jira issue key must not be blank");
		}
	}

	@Override
	public Tracker tracker() {
		return Tracker.JIRA;
	}

	@Override
	public String key() {
		return this.idOrKey;
	}

}
