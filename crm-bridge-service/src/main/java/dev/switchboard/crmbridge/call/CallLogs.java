package dev.switchboard.crmbridge.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The call logs and the ledger of callbacks (one row per idempotency token). */
public interface CallLogs {

	/**
	 * Records the callback's idempotency token unless known (a database constraint
	 * decides).
	 * @return whether it was new
	 */
	boolean recordCallback(String idempotencyToken, String callSid, Instant at);

	/**
	 * Creates the log if needed and locks it until the transaction ends.
	 * @return the log, and whether it was created now
	 */
	Locked lock(CallLog initial);

	void save(CallLog log, Instant at);

	Optional<CallLog> find(String callSid);

	List<CallLog> byTicket(String ticketId);

	/**
	 * The calls from or to the customer's number (E.164), newest first, at most
	 * {@code limit}.
	 */
	List<CallLog> byCustomerNumber(String e164, int limit);

	/**
	 * Ended calls without their end note whose last change is older than {@code before}.
	 */
	List<String> endNotesDue(Instant before);

	/**
	 * Records that a {@code /call} note was acted on.
	 * @return false when it was already
	 */
	boolean recordCallRequest(String commentId, String ticketId, Instant at);

	/**
	 * The {@code /call} notes acted on for a ticket, oldest first, at most {@code limit}.
	 */
	List<CallRequest> callRequests(String ticketId, int limit);

	/** Deletes logs (with their numbers) started before {@code before}. */
	int purgeStartedBefore(Instant before);

	record Locked(CallLog log, boolean created) {
	}

}
