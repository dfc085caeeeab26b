package dev.switchboard.statuspage.posting;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** What a channel answered, mapped at the adapter boundary. */
public sealed interface PostResult {

	/**
	 * Taken.
	 *
	 * @param messageId the channel's id of the message, when it gives one (Slack's
	 * {@code ts})
	 */
	record Posted(@Nullable String messageId) implements PostResult {

	}

	/** Rate limited: try again after the wait (parked durably, never slept on). */
	record RetryAfter(Duration delay, String reason) implements PostResult {

	}

	/**
	 * The channel refuses us until someone acts ({@code not_in_channel},
	 * {@code channel_not_found}, {@code invalid_auth}, a deleted webhook): the
	 * subscription is marked failing, its updates stay pending.
	 */
	record ChannelBroken(String reason) implements PostResult {

	}

	/** This message will never be taken (e.g. 400): recorded as failed, visible. */
	record Rejected(String reason) implements PostResult {

	}

	/**
	 * Certainly not taken (the connection failed, a 5xx where the call changes nothing),
	 * after the adapter's own retries.
	 */
	record Transient(String reason) implements PostResult {

	}

	/**
	 * The request was sent and the channel may have taken it: a timeout or reset while
	 * waiting for the answer, a 5xx or an unreadable answer to a post. Never posted again
	 * blindly: Slack posts are looked up first, Teams cards wait for an operator.
	 */
	record Unknown(String reason) implements PostResult {

	}

}
