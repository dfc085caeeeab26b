package dev.switchboard.statuspage.posting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What became of an incident's posts: the ledger's rows as they stand (the ledger keeps
 * each post's current state, not every attempt), with the intent of a post whose outcome
 * is not known yet.
 */
public interface PostHistory {

	/**
	 * The posts of an incident's updates (the incident's code, on any feed) to every
	 * subscription, in the order they were queued, at most {@code limit}.
	 */
	List<PostRecord> ofIncident(String incidentCode, int limit);

	/**
	 * One (subscription, update) row of the ledger.
	 *
	 * @param status the update's status ({@code in_progress})
	 * @param change opened, updated or resolved
	 * @param state {@code pending}, {@code sent}, {@code skipped}, {@code failed} or
	 * {@code unknown}
	 * @param lastError why it has not gone yet, failed or was skipped (kinds only, never
	 * an address)
	 * @param sentAt when it was sent or skipped
	 * @param lastAttemptAt when it was last tried without going out
	 * @param intent the post under way or of unknown outcome, if any
	 */
	record PostRecord(long seq, UUID subscriptionId, UUID feedId, String status, String change, String state,
			int attempts, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt,
			@Nullable Instant lastAttemptAt, @Nullable Intent intent) {

	}

	/**
	 * A post committed as an intent before its call, whose outcome is not known yet.
	 *
	 * @param kind {@code parent}, {@code reply} or {@code card}
	 * @param state {@code in_flight} (the call is under way, or the process stopped
	 * during it) or {@code unknown} (it is looked up before it is posted again)
	 */
	record Intent(String kind, String state, Instant recordedAt) {

	}

}
