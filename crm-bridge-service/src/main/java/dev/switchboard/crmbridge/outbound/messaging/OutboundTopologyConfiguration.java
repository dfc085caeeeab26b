package dev.switchboard.crmbridge.outbound.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.ServiceNames;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares, at start-up, every route crm-bridge publishes to, so that a {@code mandatory}
 * publish finds its queues even if the consumers have never run: {@code tickets.events}
 * with the queues of its consumer groups (issue-sync-service, remote-session-service,
 * statuspage-feed-service: quorum, dead-lettered to {@code DLX}, a classic DLQ without
 * delivery limit, bound {@code #}), exactly as their consumer bindings declare them (a
 * difference fails with 406); {@code calls.events}, which has no consumer yet; and the
 * dead-letter queue of {@code tickets.commands.crm-bridge-service} on {@code DLX}, where
 * commands that cannot be applied go.
 */
@Configuration(proxyBeanMethods = false)
class OutboundTopologyConfiguration {

	static final List<String> TICKET_EVENT_GROUPS = List.of(ServiceNames.ISSUE_SYNC, ServiceNames.REMOTE_SESSION,
			ServiceNames.STATUSPAGE_FEED);

	@Bean
	Declarables outboundTopology() {
		DirectExchange deadLetters = new DirectExchange(Destinations.DEAD_LETTER_EXCHANGE, true, false);
		TopicExchange ticketEvents = new TopicExchange(Destinations.TICKETS_EVENTS, true, false);
		List<Declarable> declarables = new ArrayList<>(
				List.of(deadLetters, ticketEvents, new TopicExchange(Destinations.CALLS_EVENTS, true, false)));
		for (String group : TICKET_EVENT_GROUPS) {
			String name = Destinations.queue(Destinations.TICKETS_EVENTS, group);
			Queue queue = QueueBuilder.durable(name)
				.withArguments(Map.of("x-queue-type", "quorum", "x-dead-letter-exchange",
						Destinations.DEAD_LETTER_EXCHANGE, "x-dead-letter-routing-key", name))
				.build();
			Queue deadLetterQueue = QueueBuilder
				.durable(Destinations.deadLetterQueue(Destinations.TICKETS_EVENTS, group))
				.build();
			declarables.addAll(List.of(queue, deadLetterQueue, BindingBuilder.bind(queue).to(ticketEvents).with("#"),
					BindingBuilder.bind(deadLetterQueue).to(deadLetters).with(name)));
		}
		String commands = Destinations.queue(Destinations.TICKETS_COMMANDS, ServiceNames.CRM_BRIDGE);
		Queue commandDeadLetters = QueueBuilder
			.durable(Destinations.deadLetterQueue(Destinations.TICKETS_COMMANDS, ServiceNames.CRM_BRIDGE))
			.build();
		declarables.addAll(
				List.of(commandDeadLetters, BindingBuilder.bind(commandDeadLetters).to(deadLetters).with(commands)));
		return new Declarables(declarables);
	}

}
