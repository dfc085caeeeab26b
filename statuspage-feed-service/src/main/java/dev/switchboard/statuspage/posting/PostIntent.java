package dev.switchboard.statuspage.posting;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * "Posting this delivery to this channel", committed before the call: if the outcome is
 * not known afterwards (timeout, reset, 5xx, the process killed before the commit), the
 * next attempt looks for the post by {@code clientId} instead of posting it again.
 *
 * @param clientId deterministic per delivery, carried in the post (Slack message
 * metadata)
 * @param channel where it is posted when the channel has places (a Slack channel),
 * {@code null} for a Teams card
 * @param parentId the parent message's id of a reply (Slack's thread {@code ts})
 * @param recordedAt when the first intent was recorded: the post is looked for from then
 * on (less a margin)
 */
public record PostIntent(long seq, String clientId, Kind kind, @Nullable String channel, @Nullable String parentId,
		Instant recordedAt) {

	/** What is posted. */
	public enum Kind {

		/** The Slack parent message that opens the incident's thread. */
		PARENT,

		/** A reply in the incident's Slack thread. */
		REPLY,

		/** A Teams card (Workflows webhooks cannot be asked what they received). */
		CARD

	}

	/** The id carried in the post: one per (subscription, update), on every attempt. */
	public static String clientId(UUID subscriptionId, UUID updateId) {
		return "sb:" + subscriptionId + ":" + updateId;
	}

}
