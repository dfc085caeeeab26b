package dev.switchboard.issuesync.tracker;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GitHub issue by repository and number (numbers are per repository). Owner and
 * repository are held to GitHub's own forms, so that neither can change the path of a
 * request to GitHub: owner {@code [A-Za-z0-9-]{1,39}} without a leading hyphen,
 * repository {@code [A-Za-z0-9._-]{1,100}} but never {@code .} or {@code ..}, number
 * positive.
 */
public record GithubIssueNumber(String owner, String repo, int number) implements IssueLocator {

	static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}");

	static final Pattern REPO = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	public GithubIssueNumber {
		if (!validOwner(owner)) {
			throw new IllegalArgumentException(
					"not a GitHub owner: 1 to 39 letters, digits or hyphens, " + "not starting with a hyphen");
		}
		if (!validRepo(repo)) {
			throw new IllegalArgumentException(
					"not a GitHub repository name: 1 to 100 letters, digits, '.', '_' or '-', not . or ..");
		}
		if (number < 1) {
			throw new IllegalArgumentException("not a GitHub issue number: " + number);
		}
	}

	public static boolean validOwner(String owner) {
		return OWNER.matcher(owner).matches();
	}

	public static boolean validRepo(String repo) {
		return REPO.matcher(repo).matches() && !repo.equals(".") && !repo.equals("..");
	}

	/** Parses {@code owner/repo#42}. */
	public static GithubIssueNumber parse(String key) {
		int slash = key.indexOf('/');
		int hash = key.lastIndexOf('#');
		if (slash < 1 || hash < slash) {
			throw new IllegalArgumentException("not a GitHub issue key: " + key);
		}
		String number = key.substring(hash + 1);
		if (!number.matches("[1-9][0-9]{0,8}")) {
			throw new IllegalArgumentException("not a GitHub issue number in " + key);
		}
		return new GithubIssueNumber(key.substring(0, slash), key.substring(slash + 1, hash), Integer.parseInt(number));
	}

	/** Parses {@code owner/repo#42}, empty for anything else. */
	public static Optional<GithubIssueNumber> tryParse(String key) {
		try {
			return Optional.of(parse(key));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
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
