package dev.switchboard.statuspage.ticket.messaging;

import java.util.Map;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.ServiceNames;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares, at start-up, {@code tickets.commands} with crm-bridge-service's queue
 * (quorum, dead-lettered to {@code DLX}, classic DLQ, bound {@code #}), exactly as
 * crm-bridge's consumer binding declares it, so a command is never published to an
 * exchange without its queue, even if crm-bridge has never run (issue-sync-service
 * declares the same; a copy, as for every helper).
 */
@Configuration(proxyBeanMethods = false)
class TicketCommandTopologyConfiguration {

	@Bean
	Declarables ticketCommandTopology() {
		String name = Destinations.queue(Destinations.TICKETS_COMMANDS, ServiceNames.CRM_BRIDGE);
		TopicExchange commands = new TopicExchange(Destinations.TICKETS_COMMANDS, true, false);
		DirectExchange deadLetters = new DirectExchange(Destinations.DEAD_LETTER_EXCHANGE, true, false);
		Queue queue = QueueBuilder.durable(name)
			.withArguments(Map.of("x-queue-type", "quorum", "x-dead-letter-exchange", Destinations.DEAD_LETTER_EXCHANGE,
					"x-dead-letter-routing-key", name))
			.build();
		Queue deadLetterQueue = QueueBuilder
			.durable(Destinations.deadLetterQueue(Destinations.TICKETS_COMMANDS, ServiceNames.CRM_BRIDGE))
			.build();
		return new Declarables(commands, deadLetters, queue, deadLetterQueue,
				BindingBuilder.bind(queue).to(commands).with("#"),
				BindingBuilder.bind(deadLetterQueue).to(deadLetters).with(name));
	}

}
