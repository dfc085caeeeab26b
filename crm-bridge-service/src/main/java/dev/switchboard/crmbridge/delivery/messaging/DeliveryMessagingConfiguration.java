package dev.switchboard.crmbridge.delivery.messaging;

import java.util.function.Consumer;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.crmbridge.delivery.DeliveryRouter;
import dev.switchboard.crmbridge.ticket.TicketCommandIntake;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Everything crm-bridge consumes, in one shape ({@link ConsumedMessages}):
 * {@code inboundDeliveries} ({@code webhooks.inbound}, bound {@code zendesk.#} and
 * {@code twilio.#}) and {@code ticketCommands} ({@code tickets.commands}), both group
 * {@code crm-bridge-service} (application.yml).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryMessagingConfiguration {

	@Bean
	Consumer<InboundDelivery> inboundDeliveries(DeliveryRouter router, MeterRegistry meters) {
		return new InboundDeliveryConsumer(router, new ConsumedMessages(meters, "switchboard.deliveries.received"));
	}

	@Bean
	Consumer<Message<TicketCommand>> ticketCommands(TicketCommandIntake intake, MeterRegistry meters) {
		return new TicketCommandConsumer(intake, new ConsumedMessages(meters, "switchboard.commands.received"));
	}

}
