package dev.switchboard.statuspage.posting;

/** A Teams Workflows webhook: one Adaptive Card per update. */
public interface TeamsCards {

	PostResult post(String webhookUrl, IncidentView view);

}
