package dev.switchboard.crmbridge.ticket;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The command ledger read back (read-only): what came for a ticket and what became of it.
 */
public interface CommandLedger {

	/**
	 * The commands for the ticket or applied to it (as the follow-up of a closed one),
	 * oldest received first, at most {@code limit}.
	 */
	List<RecordedCommand> forTicket(String ticketId, int limit);

	/** The commands with these ids that were received, oldest received first. */
	List<RecordedCommand> withIds(Collection<UUID> commandIds);

}
