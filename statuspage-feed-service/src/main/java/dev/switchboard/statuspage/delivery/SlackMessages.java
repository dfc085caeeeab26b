package dev.switchboard.statuspage.delivery;

import org.jspecify.annotations.Nullable;

/** Slack's Web API as a bot: one parent message per incident, replies in its thread. */
public interface SlackMessages {

	/** The incident's parent message: title, status, impact colour, link. */
	PostResult postParent(String channel, IncidentView view);

	/**
	 * A reply in the incident's thread; {@code broadcast} also shows it in the channel.
	 */
	PostResult postReply(String channel, String threadTs, IncidentView view, boolean broadcast);

	/** Edits the parent to show the incident's current status. */
	PostResult updateParent(String channel, String ts, IncidentView view, @Nullable String status);

}
