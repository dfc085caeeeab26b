package dev.switchboard.statuspage.posting;

import java.time.Duration;

import dev.switchboard.statuspage.subscription.Subscription;

/**
 * Posts updates to one kind of channel (Slack, Teams, webhooks): every channel is an
 * adapter behind this port, its specifics (threads, budgets, intents, its own errors)
 * inside it. {@link PostingAttempt} decides what an answer means for the ledger.
 */
public interface ChannelPoster {

	/**
	 * The kind of channel ({@code slack}): {@code Channel.kind()}, and the prefix of its
	 * destinations' keys ({@code slack:C0123ABCD}).
	 */
	String kind();

	/**
	 * Least time between two posts to one destination, counted from the channel's answer
	 * (a {@code Retry-After} longer than this wins).
	 */
	Duration interval();

	/**
	 * Waits until a budget the channel shares beyond one destination (a Slack workspace)
	 * may take one more post, and takes it; nothing by default.
	 */
	default void awaitSlot() throws InterruptedException {
	}

	/** Gives back a slot taken by {@link #awaitSlot} that no post used. */
	default void returnSlot() {
	}

	/**
	 * Posts one update of the subscription, inside the attempt's transaction (which holds
	 * the post's ledger row and its destination).
	 */
	PostResult post(Subscription subscription, PendingPost post);

	/**
	 * Whether a post whose outcome is unknown may be attempted again: the channel finds
	 * it first (Slack looks it up by its client id) or its receiver drops repeats
	 * (webhooks). When not (Teams), it is left for an operator.
	 */
	boolean repeatsSafely();

}
