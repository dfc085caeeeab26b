package dev.switchboard.crmbridge.ticket.messaging;

import java.util.function.Consumer;

import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.crmbridge.ticket.TicketCommandIntake;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ticketCommands}: {@code tickets.commands}, group {@code crm-bridge-service}
 * (application.yml); {@code ticketEvents-out-0}: {@code tickets.events}.
 */
@Configuration(proxyBeanMethods = false)
class TicketMessagingConfiguration {

	@Bean
	Consumer<TicketCommand> ticketCommands(TicketCommandIntake intake, MeterRegistry meters) {
		return new TicketCommandConsumer(intake, meters);
	}

}
