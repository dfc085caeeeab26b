package dev.switchboard.issuesync.link;

import java.util.UUID;

/** Ledger of the ticket events already applied, by their own id. */
public interface HandledEvents {

	/**
	 * Records the id in the current transaction.
	 * @return {@code false} when it was handled already
	 */
	boolean firstTime(UUID eventId);

}
