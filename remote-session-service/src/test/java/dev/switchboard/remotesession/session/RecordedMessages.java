package dev.switchboard.remotesession.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.SessionEvent;
import dev.switchboard.contracts.TicketCommand;

/**
 * The outbox in memory: keeps what a change sends, and drops a repeat of the same id as
 * the outbox table does.
 */
final class RecordedMessages implements OutboundMessages {

	final List<TicketCommand> commands = new ArrayList<>();

	final List<SessionEvent> events = new ArrayList<>();

	private final Set<UUID> ids = new HashSet<>();

	@Override
	public void send(TicketCommand command) {
		if (this.ids.add(command.commandId())) {
			this.commands.add(command);
		}
	}

	@Override
	public void send(SessionEvent event) {
		if (this.ids.add(event.eventId())) {
			this.events.add(event);
		}
	}

	/** Sent at once: nothing waits. */
	@Override
	public Set<UUID> unsent(Collection<UUID> messageIds) {
		return Set.of();
	}

	/** The bodies of the internal notes sent so far, in order. */
	List<String> internalNotes() {
		return this.commands.stream()
			.filter(AddInternalNote.class::isInstance)
			.map((command) -> ((AddInternalNote) command).body())
			.toList();
	}

}
