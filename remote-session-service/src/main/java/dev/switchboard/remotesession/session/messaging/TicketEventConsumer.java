package dev.switchboard.remotesession.session.messaging;

import java.util.function.Consumer;

import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.remotesession.session.InvalidFieldException;
import dev.switchboard.remotesession.session.RemoteNoteOutcome;
import dev.switchboard.remotesession.session.RemoteNotes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each ticket event to {@link RemoteNotes}, in the shape of
 * {@link ConsumedMessages} ({@code switchboard.ticket-events.received}). A
 * {@code /remote} note with an invalid ticket id is counted as {@code refused}, one that
 * could start nothing (the ticket is told why) as {@code not-started}.
 */
class TicketEventConsumer implements Consumer<TicketEvent> {

	private static final Logger log = LoggerFactory.getLogger(TicketEventConsumer.class);

	private final RemoteNotes notes;

	private final ConsumedMessages consumed;

	TicketEventConsumer(RemoteNotes notes, MeterRegistry meters) {
		this.notes = notes;
		this.consumed = new ConsumedMessages(meters, "switchboard.ticket-events.received",
				(failure) -> (failure instanceof InvalidFieldException) ? "refused" : "failed");
	}

	@Override
	public void accept(TicketEvent event) {
		this.consumed.handle(event.correlationId(), Tags.empty(), () -> handle(event));
	}

	private String handle(TicketEvent event) {
		return switch (this.notes.on(event)) {
			case RemoteNoteOutcome.Ignored nothing -> "ignored";
			case RemoteNoteOutcome.Requested requested -> {
				log.info("Ticket event {} on ticket {}: session {} ({})", event.eventId(), event.ticketId(),
						requested.session().id(), requested.session().state().id());
				yield "session";
			}
			case RemoteNoteOutcome.NotStarted notStarted -> {
				log.info("Ticket event {} on ticket {}: no session started, the ticket is told why", event.eventId(),
						event.ticketId());
				yield "not-started";
			}
		};
	}

}
