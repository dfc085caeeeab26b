package dev.switchboard.remotesession.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The sessions and their history (persistence port). */
public interface Sessions {

	/**
	 * Inserts the new session unless a session with its id, or a live one with the same
	 * live key, exists already; a database constraint decides, also between racing
	 * instances.
	 * @param liveKey the ticket-and-agent key while live, or {@code null} when the
	 * one-live-session rule is off
	 * @return whether it was inserted
	 */
	boolean reserve(Session session, @Nullable String liveKey);

	Optional<Session> find(UUID id);

	Optional<Session> findLive(String liveKey);

	/** Reads the session and locks its row until the transaction ends. */
	Optional<Session> lock(UUID id);

	/** Reads the session by the vendor's id and locks its row. */
	Optional<Session> lockByProviderSessionId(String providerSessionId);

	List<Session> byTicket(String ticketId);

	/** Writes the session's state; a final state frees its live key. */
	void update(Session session);

	/** Removes a reservation the vendor never confirmed (so a retry may start afresh). */
	void delete(UUID id);

	void addHistory(UUID sessionId, SessionHistoryEntry entry);

	List<SessionHistoryEntry> history(UUID sessionId);

	/**
	 * Live sessions not joined by their expiry, locked (skipping ones another instance
	 * holds).
	 */
	List<Session> lockExpired(Instant now, int limit);

	/**
	 * Started sessions whose last event (or start) is older than {@code quietSince},
	 * locked (skipping ones another instance holds).
	 */
	List<Session> lockSilent(Instant quietSince, int limit);

	/**
	 * Live sessions at a vendor, least recently polled first (so that every one gets its
	 * turn).
	 */
	List<Session> liveAt(ProviderName provider, int limit);

	void markPolled(UUID sessionId, Instant at);

	/**
	 * Parks a start the vendor could not take: the session stays created and is retried
	 * at the given time; the failed attempt is counted and its failure kept.
	 */
	void park(UUID sessionId, Instant nextAttemptAt, String failure);

	/**
	 * Leases a due parked start to the run that tries it: its next attempt moves to
	 * {@code until}, nothing is counted.
	 */
	void lease(UUID sessionId, Instant until);

	/** Where the session's start stands, {@link Parking#NONE} when it never waited. */
	Parking parking(UUID sessionId);

	/** Parked starts that are due, locked (skipping ones another instance holds). */
	List<ParkedStart> lockDueStarts(Instant now, int limit);

	/**
	 * Records a message this service acted on by its own id.
	 * @return whether it was new
	 */
	boolean markReceived(UUID messageId, String source, Instant at);

	/** Forgets a received message (its effect was rolled back on purpose). */
	void forgetReceived(UUID messageId);

}
