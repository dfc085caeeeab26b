package dev.switchboard.issuesync.link;

import org.jspecify.annotations.Nullable;

/** What a tracker's webhook (or a reconciliation read) says happened to an issue. */
public sealed interface IssueChange permits IssueChange.Updated, IssueChange.Transferred {

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

}
