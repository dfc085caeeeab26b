package dev.switchboard.issuesync.tracker;

import java.util.regex.Pattern;

/**
 * A Jira issue by id or key; the REST API takes either. A key is
 * {@code [A-Z][A-Z0-9_]+-[1-9][0-9]*} ({@code SUP-1}), an id is digits: nothing else may
 * reach the path of a request to Jira.
 */
public record JiraIssueKey(String idOrKey) implements IssueLocator {

	static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{1,254}-[1-9][0-9]{0,18}");

	static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");

	public JiraIssueKey {
		if (!valid(idOrKey)) {
			throw new IllegalArgumentException("not a Jira issue key (KEY-1) or issue id (digits)");
		}
	}

	/** Whether the text is an issue key ({@code SUP-1}), not an id. */
	public static boolean validKey(String key) {
		return KEY.matcher(key).matches();
	}

	public static boolean valid(String idOrKey) {
		return KEY.matcher(idOrKey).matches() || ID.matcher(idOrKey).matches();
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
