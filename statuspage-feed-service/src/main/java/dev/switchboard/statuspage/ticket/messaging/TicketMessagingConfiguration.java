package dev.switchboard.statuspage.ticket.messaging;

import java.util.function.Consumer;

import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.statuspage.ticket.IncidentTicketNotes;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.MDC;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ticketEvents}: {@code tickets.events} as group {@code statuspage-feed-service}
 * (queue {@code tickets.events.statuspage-feed-service}, bound {@code #}, quorum, DLQ).
 * Repeats are harmless: a ticket is remembered once per incident. A failure propagates
 * and the binder (one attempt) republishes the event to the dead-letter queue.
 */
@Configuration(proxyBeanMethods = false)
class TicketMessagingConfiguration {

	@Bean
	Consumer<TicketEvent> ticketEvents(IncidentTicketNotes notes, MeterRegistry meters) {
		return (event) -> {
			try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", event.correlationId())) {
				int remembered = notes.on(event);
				meters.counter("switchboard.ticket-events.received", "outcome", (remembered > 0) ? "noted" : "ignored")
					.increment();
			}
			catch (RuntimeException ex) {
				meters.counter("switchboard.ticket-events.received", "outcome", "failed").increment();
				throw ex;
			}
		};
	}

}
