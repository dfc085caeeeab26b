package dev.switchboard.statuspage.posting.teams;

import dev.switchboard.statuspage.posting.IncidentView;
import dev.switchboard.statuspage.posting.PostResult;

/** A Teams Workflows webhook: one Adaptive Card per update. */
interface TeamsCards {

	PostResult post(String webhookUrl, IncidentView view);

}
