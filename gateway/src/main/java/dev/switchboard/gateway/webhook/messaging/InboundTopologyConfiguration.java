package dev.switchboard.gateway.webhook.messaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.Provider;

import org.springframework.amqp.core.Binding;
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
 * Declares the inbound topology before the first delivery, so that a delivery is routed
 * even when its owner has never run: the topic exchange, one quorum queue per owner group
 * bound {@code <provider>.#} for each provider it owns, and the owner's dead-letter
 * queue. The arguments are exactly those the owners' consumer bindings declare
 * ({@code quorum.enabled}, {@code auto-bind-dlq}); a difference would fail with 406
 * PRECONDITION_FAILED.
 */
@Configuration(proxyBeanMethods = false)
class InboundTopologyConfiguration {

	@Bean
	Declarables inboundTopology() {
		TopicExchange inbound = new TopicExchange(Destinations.WEBHOOKS_INBOUND, true, false);
		DirectExchange deadLetters = new DirectExchange(Destinations.DEAD_LETTER_EXCHANGE, true, false);
		List<Declarable> declarables = new ArrayList<>(List.of(inbound, deadLetters));
		Arrays.stream(Provider.values()).map(Provider::owner).distinct().forEach((owner) -> {
			String name = Destinations.queue(Destinations.WEBHOOKS_INBOUND, owner);
			Queue queue = QueueBuilder.durable(name)
				.withArguments(Map.of("x-queue-type", "quorum", "x-dead-letter-exchange",
						Destinations.DEAD_LETTER_EXCHANGE, "x-dead-letter-routing-key", name))
				.build();
			Queue deadLetterQueue = QueueBuilder
				.durable(Destinations.deadLetterQueue(Destinations.WEBHOOKS_INBOUND, owner))
				.build();
			declarables.add(queue);
			declarables.add(deadLetterQueue);
			declarables.add(BindingBuilder.bind(deadLetterQueue).to(deadLetters).with(name));
			for (Provider provider : Provider.ownedBy(owner)) {
				Binding binding = BindingBuilder.bind(queue).to(inbound).with(provider.bindingKey());
				declarables.add(binding);
			}
		});
		return new Declarables(declarables);
	}

}
