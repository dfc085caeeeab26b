package dev.switchboard.statuspage.ticket.scheduling;

import dev.switchboard.statuspage.ticket.IncidentTicketNotes;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Relays unsent incident notes ({@code statuspage-feed.tickets.relay-interval}). Every
 * instance ticks; the rows decide who sends ({@code FOR UPDATE SKIP LOCKED}).
 */
@Component
class IncidentNoteRelay {

	private static final Logger log = LoggerFactory.getLogger(IncidentNoteRelay.class);

	private final IncidentTicketNotes notes;

	private final MeterRegistry meters;

	IncidentNoteRelay(IncidentTicketNotes notes, MeterRegistry meters) {
		this.notes = notes;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${statuspage-feed.tickets.relay-interval:1s}",
			initialDelayString = "${statuspage-feed.tickets.relay-interval:1s}")
	void relay() {
		try {
			this.meters.counter("switchboard.ticket-notes.sent").increment(this.notes.relay());
		}
		catch (RuntimeException ex) {
			this.meters.counter("switchboard.ticket-notes.failures").increment();
			log.warn("Publishing incident notes failed, retried on the next tick: {}", ex.toString());
		}
	}

}
