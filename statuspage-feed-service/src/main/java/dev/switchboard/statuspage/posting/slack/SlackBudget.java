package dev.switchboard.statuspage.posting.slack;

import java.time.Duration;

/**
 * Slack's workspace-wide budgets, shared by every instance: the ceiling on
 * {@code chat.postMessage} ({@code statuspage-feed.slack.workspace-messages-per-minute})
 * and the much smaller one on {@code chat.update}
 * ({@code statuspage-feed.slack.parent-edits-per-minute}). Both are spent evenly, never
 * in bursts, so a fan-out stays under Slack's limits instead of learning them from 429s.
 */
interface SlackBudget {

	/** Waits until the workspace may take one more message, and takes it. */
	void awaitMessage() throws InterruptedException;

	/**
	 * Gives back a message slot that was not used (the delivery was skipped or taken).
	 */
	void returnMessage();

	/** Takes a {@code chat.update} slot if there is one now. */
	boolean tryEdit();

	/**
	 * Slack answered 429 to {@code chat.update}: no edit from any instance for this long.
	 */
	void holdEdits(Duration wait);

}
