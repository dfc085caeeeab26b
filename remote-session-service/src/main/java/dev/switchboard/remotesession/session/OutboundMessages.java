package dev.switchboard.remotesession.session;

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

}
