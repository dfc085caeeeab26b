package dev.switchboard.remotesession.session.messaging;

import java.util.function.Consumer;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.remotesession.session.RemoteNotes;
import dev.switchboard.remotesession.session.SessionTimeline;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ticketEvents}: {@code tickets.events} ({@code /remote} notes);
 * {@code sessionDeliveries}: the vendors' pushed events from {@code webhooks.inbound},
 * bound {@code remote-session.#} (application.yml). Outputs {@code ticketCommands} and
 * {@code sessionEvents} are fed by the outbox.
 */
@Configuration(proxyBeanMethods = false)
class SessionMessagingConfiguration {

	@Bean
	Consumer<TicketEvent> ticketEvents(RemoteNotes notes, MeterRegistry meters) {
		return new TicketEventConsumer(notes, meters);
	}

	@Bean
	Consumer<InboundDelivery> sessionDeliveries(SessionTimeline timeline, JsonMapper json, MeterRegistry meters) {
		return new PushedEventConsumer(timeline, new PushedEventReader(json), meters);
	}

}
