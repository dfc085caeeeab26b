package dev.switchboard.issuesync.link;

/** A GitHub issue by repository and number (numbers are per repository). */
public record GithubIssueNumber(String owner, String repo, int number) implements IssueLocator {

	public GithubIssueNumber {
		if (owner.isBlank() || repo.isBlank() || number < 1) {
			throw new IllegalArgumentException("not a GitHub issue: " + owner + "/" + repo + "#" + number);
		}
	}

	/** Parses {@code owner/repo#42}. */
	public static GithubIssueNumber parse(String key) {
		int slash = key.indexOf('/');
		int hash = key.lastIndexOf('#');
		if (slash < 1 || hash < slash) {
			throw new IllegalArgumentException("not a GitHub issue key: " + key);
		}
		return new GithubIssueNumber(key.substring(0, slash), key.substring(slash + 1, hash),
				Integer.parseInt(key.substring(hash + 1)));
	}

	@Override
	public Tracker tracker() {
		return Tracker.GITHUB;
	}

	@Override
	public String key() {
		return this.owner + "/" + this.repo + "#" + this.number;
	}

}
