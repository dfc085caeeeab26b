package dev.switchboard.statuspage.posting.slack;

import dev.switchboard.statuspage.posting.IncidentView;
import dev.switchboard.statuspage.posting.PostResult;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Slack's Web API as a bot: one parent message per incident, replies in its thread. Every
 * post carries its delivery's client id (message metadata), so it can be found again when
 * its outcome is unknown.
 */
interface SlackMessages {

	/** The incident's parent message: title, status, impact colour, link. */
	PostResult postParent(String channel, IncidentView view, String clientId);

	/**
	 * A reply in the incident's thread; {@code broadcast} also shows it in the channel.
	 */
	PostResult postReply(String channel, String threadTs, IncidentView view, boolean broadcast, String clientId);

	/** Edits the parent to show the incident's current status. */
	PostResult updateParent(String channel, String ts, IncidentView view, @Nullable String status);

	/**
	 * Looks for the post carrying {@code clientId}: among the channel's messages
	 * ({@code conversations.history}) for a parent, in the thread
	 * ({@code conversations.replies}) for a reply, posted since {@code since}.
	 */
	SlackLookup find(String channel, @Nullable String threadTs, String clientId, Instant since);

}
