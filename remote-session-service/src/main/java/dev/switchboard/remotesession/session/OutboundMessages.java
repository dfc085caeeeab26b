package dev.switchboard.remotesession.session;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import dev.switchboard.contracts.SessionEvent;
import dev.switchboard.contracts.TicketCommand;

/**
 * Messages a change causes. Enqueued in the change's transaction (an outbox), sent after
 * it commits with their own ids; a repeat with the same id is dropped here and by the
 * receivers.
 */
public interface OutboundMessages {

	void send(TicketCommand command);

	void send(SessionEvent event);

	/**
	 * Which of these messages, each enqueued earlier, still wait to be sent (the broker
	 * has not confirmed them yet). A message not among them went out.
	 */
	Set<UUID> unsent(Collection<UUID> messageIds);

}
