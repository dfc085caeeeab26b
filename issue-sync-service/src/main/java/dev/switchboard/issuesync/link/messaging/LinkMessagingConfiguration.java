package dev.switchboard.issuesync.link.messaging;

import java.util.function.Consumer;

import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.issuesync.link.TicketEventHandling;
import org.slf4j.MDC;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ticketEvents}: {@code tickets.events} (group issue-sync-service, bound
 * {@code #}) handed to the use case with the event's correlation id in the logs.
 */
@Configuration(proxyBeanMethods = false)
class LinkMessagingConfiguration {

	@Bean
	Consumer<TicketEvent> ticketEvents(TicketEventHandling handling) {
		return (event) -> {
			try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", event.correlationId())) {
				handling.on(event);
			}
		};
	}

}
