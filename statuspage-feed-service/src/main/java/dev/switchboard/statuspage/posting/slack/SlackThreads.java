package dev.switchboard.statuspage.posting.slack;

import dev.switchboard.statuspage.posting.IncidentView;

import java.util.Optional;
import java.util.UUID;

/**
 * Parent messages per subscription and incident; the wanted parent status only moves
 * forward in time, and edits are coalesced (one row holds the latest wanted status).
 */
interface SlackThreads {

	Optional<SlackThread> find(UUID subscriptionId, UUID feedId, String incidentCode);

	void started(UUID subscriptionId, IncidentView view, String channel, String ts);

	/** The parent should show this status, unless a later update's status is wanted. */
	void want(UUID subscriptionId, IncidentView view);

	/** Locks one parent whose edit is due ({@code SKIP LOCKED}). */
	Optional<DueEdit> claimDueEdit();

	void edited(UUID subscriptionId, UUID feedId, String incidentCode, String shownStatus);

	record DueEdit(UUID subscriptionId, String channel, String ts, String wantedStatus, IncidentView incident) {

	}

}
