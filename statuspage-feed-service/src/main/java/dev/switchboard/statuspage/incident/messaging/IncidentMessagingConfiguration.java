package dev.switchboard.statuspage.incident.messaging;

import java.util.function.Consumer;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.statuspage.incident.StatuspageWebhooks;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.channel.FixedSubscriberChannel;
import org.springframework.messaging.MessageHandler;

/**
 * {@code statuspageDeliveries}: Statuspage webhooks from {@code webhooks.inbound}, bound
 * {@code statuspage.#} (application.yml); {@code status.incidents} is published by the
 * outbox ({@code outbox/messaging/StreamConfirmedPublisher}).
 */
@Configuration(proxyBeanMethods = false)
class IncidentMessagingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IncidentMessagingConfiguration.class);

	@Bean
	Consumer<InboundDelivery> statuspageDeliveries(StatuspageWebhooks webhooks, JsonMapper json, MeterRegistry meters) {
		return new StatuspageDeliveryConsumer(webhooks, new StatuspagePayloads(json), meters);
	}

	/**
	 * Events are published mandatory (the confirm header needs it), and until something
	 * binds a queue to {@code status.incidents} the broker returns every one. That is
	 * expected of an event nobody has subscribed to yet: such returns are counted
	 * ({@code switchboard.incidents.unrouted}) instead of RabbitTemplate's "no callback"
	 * warning on every event.
	 */
	@Bean
	ProducerMessageHandlerCustomizer<MessageHandler> countUnroutedEvents(MeterRegistry meters) {
		// typed MessageHandler: the Rabbit binder asks for customizers of that type
		return (handler, destination) -> {
			// tickets.commands has a consumer: a return there fails the send instead
			if (Destinations.STATUS_INCIDENTS.equals(destination) && handler instanceof AmqpOutboundEndpoint endpoint) {
				endpoint.setReturnChannel(new FixedSubscriberChannel((returned) -> {
					meters.counter("switchboard.incidents.unrouted", "exchange", destination).increment();
					log.debug("No queue is bound to {} for an event: nobody has subscribed to it yet", destination);
				}));
			}
		};
	}

}
