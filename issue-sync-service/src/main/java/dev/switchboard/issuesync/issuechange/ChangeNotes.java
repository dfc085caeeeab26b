package dev.switchboard.issuesync.issuechange;

import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.StateCategory;
import dev.switchboard.issuesync.tracker.Tracker;
import org.jspecify.annotations.Nullable;

/** The texts of the internal notes an issue's changes write on its linked tickets. */
final class ChangeNotes {

	private ChangeNotes() {
	}

	static String stateChanged(IssueSnapshot issue, @Nullable String previousState, @Nullable String actor,
			boolean reopening) {
		StringBuilder note = new StringBuilder(issue.displayName()).append(" \"").append(issue.title()).append("\" ");
		if (issue.tracker() == Tracker.GITHUB) {
			boolean reopened = issue.category() == StateCategory.OPEN && previousState != null
					&& !previousState.equals(issue.state());
			note.append("was ").append(reopened ? "reopened" : issue.state());
		}
		else {
			note.append("moved ");
			if (previousState != null) {
				note.append("from ").append(previousState).append(' ');
			}
			note.append("to ").append(issue.state());
		}
		if (actor != null && !actor.isBlank()) {
			note.append(" by ").append(actor);
		}
		note.append('.');
		if (reopening) {
			note.append(" This ticket was reopened so you can tell the customer.");
		}
		return note.append('\n').append(issue.url()).toString();
	}

	static String transferred(IssueSnapshot from, IssueSnapshot to) {
		return from.displayName() + " was transferred to " + to.displayName() + "; this ticket now follows it.\n"
				+ to.url();
	}

	/**
	 * The close note naming the merged pull requests that fixed the issue, one line each,
	 * before the issue's URL (the note's last line).
	 */
	static String withFixes(String closeNote, java.util.List<IssueFix> fixes) {
		int urlLine = closeNote.lastIndexOf('\n');
		StringBuilder note = new StringBuilder(closeNote.substring(0, urlLine));
		for (IssueFix fix : fixes) {
			note.append("\nFixed by pull request ")
				.append(fix.pullRequest())
				.append(" \"")
				.append(fix.title())
				.append('"')
				.append((fix.mergedBy() != null) ? " merged by " + fix.mergedBy() : "")
				.append(": ")
				.append(fix.url());
		}
		return note.append(closeNote.substring(urlLine)).toString();
	}

	private static final java.time.format.DateTimeFormatter RELEASE_DATE = java.time.format.DateTimeFormatter
		.ofPattern("MMMM d, uuuu", java.util.Locale.ENGLISH);

	/**
	 * The fix of the ticket's issues shipped: what happened, for the agent, and a public
	 * reply ready to send, with the release's link.
	 */
	static String fixShipped(java.util.List<IssueSnapshot> issues, String version, java.time.LocalDate date,
			String releaseUrl) {
		String day = RELEASE_DATE.format(date);
		StringBuilder note = new StringBuilder("Fix shipped in version ").append(version)
			.append(" (released ")
			.append(day)
			.append(") for ");
		for (int i = 0; i < issues.size(); i++) {
			note.append((i == 0) ? "" : (i == issues.size() - 1) ? " and " : ", ")
				.append(issues.get(i).displayName())
				.append(" \"")
				.append(issues.get(i).title())
				.append('"');
		}
		return note.append(".\nReady-to-send reply for the customer:\n\n")
			.append("The fix for the problem you reported shipped in version ")
			.append(version)
			.append(" on ")
			.append(day)
			.append(". Please update to version ")
			.append(version)
			.append("; the release notes are here: ")
			.append(releaseUrl)
			.append("\n\nRelease: ")
			.append(releaseUrl)
			.toString();
	}

	static String commented(IssueSnapshot issue, @Nullable String author, String body) {
		return "Comment on " + issue.displayName() + ((author != null) ? " by " + author : "") + ":\n\n" + body + "\n\n"
				+ issue.url();
	}

}
