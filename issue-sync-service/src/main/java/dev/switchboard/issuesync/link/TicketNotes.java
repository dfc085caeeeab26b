package dev.switchboard.issuesync.link;

import dev.switchboard.issuesync.tracker.IssueSnapshot;

/**
 * The texts of the internal notes linking writes on tickets, and of the report comment on
 * the issue.
 */
final class TicketNotes {

	private TicketNotes() {
	}

	static String linked(IssueSnapshot issue) {
		return "Linked to " + issue.displayName() + " \"" + issue.title() + "\" (" + issue.state() + ")\n"
				+ issue.url();
	}

	static String unlinked(IssueSnapshot issue) {
		return "Unlinked from " + issue.displayName() + " \"" + issue.title() + "\"";
	}

	static String couldNotLink(String url, String reason) {
		return "Could not link " + url + ": " + reason;
	}

	/** Ticket ids only: no customer data goes to the tracker. */
	static String reportComment(java.util.List<String> ticketIds) {
		int conversations = ticketIds.size();
		return "Reported in " + conversations + " customer conversation" + ((conversations == 1) ? "" : "s")
				+ ((conversations > 0) ? " (tickets " + String.join(", ", ticketIds) + ")" : "") + ".\n\n"
				+ Reports.ORIGIN_MARKER + " report -->";
	}

}
