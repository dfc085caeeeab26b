package dev.switchboard.crmbridge.delivery.messaging;

import java.util.Locale;
import java.util.function.Consumer;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.crmbridge.delivery.DeliveryRouter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code inboundDeliveries}: {@code webhooks.inbound}, bound {@code zendesk.#} and
 * {@code twilio.#} (application.yml), group {@code crm-bridge-service}.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryMessagingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DeliveryMessagingConfiguration.class);

	@Bean
	Consumer<InboundDelivery> inboundDeliveries(DeliveryRouter router, MeterRegistry meters) {
		return (delivery) -> {
			try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", delivery.correlationId())) {
				String outcome = router.accept(delivery);
				log.info("{} delivery {} ({}): {}", delivery.provider(), delivery.deliveryId(), delivery.routingKey(),
						outcome);
				meters.counter("switchboard.deliveries.received", "provider", delivery.provider(), "outcome", outcome)
					.increment();
			}
			catch (RuntimeException ex) {
				meters
					.counter("switchboard.deliveries.received", "provider",
							delivery.provider().toLowerCase(Locale.ROOT), "outcome", "failed")
					.increment();
				throw ex;
			}
		};
	}

}
