package dev.switchboard.remotesession.session.messaging;

import java.util.function.Consumer;

import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.remotesession.session.InvalidFieldException;
import dev.switchboard.remotesession.session.RemoteNotes;
import dev.switchboard.remotesession.session.RemoteNoteOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Hands each ticket event to {@link RemoteNotes} with its correlation id in the logs. A
 * failure propagates: the binder (one attempt) republishes it to the dead-letter queue. A
 * {@code /remote} note with an invalid ticket id is counted as {@code refused}, one that
 * could start nothing (the ticket is told why) as {@code not-started}.
 */
class TicketEventConsumer implements Consumer<TicketEvent> {

	private static final Logger log = LoggerFactory.getLogger(TicketEventConsumer.class);

	private final RemoteNotes notes;

	private final MeterRegistry meters;

	TicketEventConsumer(RemoteNotes notes, MeterRegistry meters) {
		this.notes = notes;
		this.meters = meters;
	}

	@Override
	public void accept(TicketEvent event) {
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", event.correlationId())) {
			String outcome = switch (this.notes.on(event)) {
				case RemoteNoteOutcome.Ignored nothing -> "ignored";
				case RemoteNoteOutcome.Requested requested -> {
					log.info("Ticket event {} on ticket {}: session {} ({})", event.eventId(), event.ticketId(),
							requested.session().id(), requested.session().state().id());
					yield "session";
				}
				case RemoteNoteOutcome.NotStarted notStarted -> {
					log.info("Ticket event {} on ticket {}: no session started, the ticket is told why",
							event.eventId(), event.ticketId());
					yield "not-started";
				}
			};
			this.meters.counter("switchboard.ticket-events.received", "outcome", outcome).increment();
		}
		catch (InvalidFieldException ex) {
			this.meters.counter("switchboard.ticket-events.received", "outcome", "refused").increment();
			throw ex;
		}
		catch (RuntimeException ex) {
			this.meters.counter("switchboard.ticket-events.received", "outcome", "failed").increment();
			throw ex;
		}
	}

}
