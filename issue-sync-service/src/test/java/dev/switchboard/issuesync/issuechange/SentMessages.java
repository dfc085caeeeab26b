package dev.switchboard.issuesync.issuechange;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.IssueEvent;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.issuesync.link.IssueEvents;
import dev.switchboard.issuesync.link.TicketCommands;

/** The commands and events sent, in order, as the broker would have confirmed them. */
class SentMessages implements TicketCommands, IssueEvents {

	final List<TicketCommand> commands = new ArrayList<>();

	final List<IssueEvent> events = new ArrayList<>();

	@Override
	public void send(List<TicketCommand> commands) {
		this.commands.addAll(commands);
	}

	@Override
	public void publish(List<IssueEvent> events) {
		this.events.addAll(events);
	}

	List<TicketCommand> to(String ticketId) {
		return this.commands.stream().filter((command) -> command.ticketId().equals(ticketId)).toList();
	}

	List<String> notesTo(String ticketId) {
		return to(ticketId).stream()
			.filter(AddInternalNote.class::isInstance)
			.map((command) -> ((AddInternalNote) command).body())
			.toList();
	}

	List<String> reopened() {
		return this.commands.stream().filter(Reopen.class::isInstance).map(TicketCommand::ticketId).toList();
	}

}
