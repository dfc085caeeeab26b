package dev.switchboard.issuesync.link;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Link requests waiting for a tracker's rate limit to lift, or for its outage or refused
 * credentials to pass (durable, polled by a job).
 */
public interface ParkedLinks {

	void park(ParkedLink link);

	/** Due links, locked for this transaction. */
	List<ParkedLink> due(Instant now, int limit);

	void done(UUID id);

	void postpone(UUID id, Instant until, String reason);

	/** A link request whose tracker read must wait. */
	record ParkedLink(UUID id, String ticketId, String issueUrl, Cause cause, Instant nextAttemptAt, String reason) {
	}

}
