package dev.switchboard.issuesync.link;

import java.util.List;

import dev.switchboard.contracts.TicketCommand;

/**
 * Sends commands to the helpdesk writer; returns once the broker confirmed every one, so
 * a caller's transaction commits only after its messages left.
 */
public interface TicketCommands {

	void send(List<TicketCommand> commands);

}
