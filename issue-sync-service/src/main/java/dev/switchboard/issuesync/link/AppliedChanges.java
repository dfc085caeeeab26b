package dev.switchboard.issuesync.link;

import dev.switchboard.issuesync.tracker.IssueSnapshot;

/**
 * The changes already applied to an issue's linked tickets, given again to a ticket
 * linked late: a link made from a tracker read older than a change applied meanwhile (the
 * change's webhook was consumed between the read and the link's commit).
 */
public interface AppliedChanges {

	/**
	 * The new link's ticket gets what every linked ticket got for the change, under the
	 * same command ids. The caller holds the issue's row lock.
	 */
	void tellNewLink(IssueSnapshot current, String previousState, Link link, String correlationId);

}
