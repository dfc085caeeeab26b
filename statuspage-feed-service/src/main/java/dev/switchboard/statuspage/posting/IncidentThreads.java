package dev.switchboard.statuspage.posting;

import java.util.Optional;

/**
 * A channel capability: a channel that keeps an incident's updates in one thread (Slack)
 * keeps the thread's parent showing the incident's current status. Channels without
 * threads (Teams, webhooks) have no implementation.
 */
public interface IncidentThreads {

	/**
	 * Brings one parent whose status is behind up to date, if the channel's budget allows
	 * it now.
	 * @return the outcome, or empty when no edit was due or the budget has no slot
	 */
	Optional<String> refreshOneParent();

}
