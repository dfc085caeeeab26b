package dev.switchboard.statuspage.incident.messaging;

import java.util.function.Consumer;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.statuspage.incident.StatuspageWebhooks;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code statuspageDeliveries}: Statuspage webhooks from {@code webhooks.inbound}, bound
 * {@code statuspage.#} (application.yml); {@code status.incidents} through
 * {@link StreamIncidentEvents}.
 */
@Configuration(proxyBeanMethods = false)
class IncidentMessagingConfiguration {

	@Bean
	Consumer<InboundDelivery> statuspageDeliveries(StatuspageWebhooks webhooks, JsonMapper json, MeterRegistry meters) {
		return new StatuspageDeliveryConsumer(webhooks, new StatuspagePayloads(json), meters);
	}

}
