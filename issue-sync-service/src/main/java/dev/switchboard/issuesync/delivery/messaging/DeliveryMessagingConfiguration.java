package dev.switchboard.issuesync.delivery.messaging;

import java.util.List;
import java.util.function.Consumer;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.issuesync.delivery.DeliveryBodies;
import dev.switchboard.issuesync.delivery.TrackerDeliveries;
import dev.switchboard.issuesync.tracker.WebhookReader;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code inboundDeliveries}: the trackers' deliveries from {@code webhooks.inbound},
 * bound {@code github.#} and {@code jira.#} (application.yml).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryMessagingConfiguration {

	@Bean
	Consumer<InboundDelivery> inboundDeliveries(List<WebhookReader> readers, TrackerDeliveries deliveries,
			DeliveryBodies bodies, MeterRegistry meters) {
		return new InboundDeliveryConsumer(readers, deliveries, bodies, meters);
	}

}
