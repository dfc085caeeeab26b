package dev.switchboard.statuspage.ticket;

import java.util.List;

import dev.switchboard.contracts.TicketCommand;

/** {@code tickets.commands}: what crm-bridge-service is to write on tickets. */
public interface TicketCommands {

	/**
	 * Publishes with publisher confirms, mandatory; throws when the broker did not take
	 * every command or could not route one.
	 */
	void send(List<TicketCommand> commands);

}
