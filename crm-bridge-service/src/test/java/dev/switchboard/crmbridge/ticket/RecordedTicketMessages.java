package dev.switchboard.crmbridge.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.contracts.TicketEvent;

/**
 * {@link TicketEvents} and {@link DeadLetters} as lists; a publish can be refused (the
 * broker did not confirm it).
 */
public final class RecordedTicketMessages implements TicketEvents, DeadLetters {

	public final List<TicketEvent> events = new ArrayList<>();

	public final Map<TicketCommand, String> deadLettered = new LinkedHashMap<>();

	private int refusedPublishes;

	@Override
	public void publish(TicketEvent event) {
		if (this.refusedPublishes > 0) {
			this.refusedPublishes--;
			throw new IllegalStateException("publish of " + event.eventId() + " not confirmed");
		}
		this.events.add(event);
	}

	@Override
	public void deadLetter(TicketCommand command, String reason) {
		this.deadLettered.put(command, reason);
	}

	/** The next {@code count} publishes are not confirmed. */
	public void refusePublishes(int count) {
		this.refusedPublishes = count;
	}

}
