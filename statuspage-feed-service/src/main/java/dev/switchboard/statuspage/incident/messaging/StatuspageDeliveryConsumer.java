package dev.switchboard.statuspage.incident.messaging;

import java.util.function.Consumer;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.statuspage.incident.StatuspageWebhooks;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads a Statuspage delivery and hands it to the use case with its correlation id in the
 * logs. A failure propagates: the binder (one attempt) republishes the message to the
 * dead-letter queue.
 */
class StatuspageDeliveryConsumer implements Consumer<InboundDelivery> {

	private static final Logger log = LoggerFactory.getLogger(StatuspageDeliveryConsumer.class);

	private final StatuspageWebhooks webhooks;

	private final StatuspagePayloads payloads;

	private final MeterRegistry meters;

	StatuspageDeliveryConsumer(StatuspageWebhooks webhooks, StatuspagePayloads payloads, MeterRegistry meters) {
		this.webhooks = webhooks;
		this.payloads = payloads;
		this.meters = meters;
	}

	@Override
	public void accept(InboundDelivery delivery) {
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", delivery.correlationId())) {
			if (!Provider.STATUSPAGE.id().equals(delivery.provider())) {
				throw new IllegalArgumentException("statuspage-feed-service does not own " + delivery.provider()
						+ " deliveries (routing key " + delivery.routingKey() + ")");
			}
			int fresh = this.webhooks.accept(this.payloads.read(delivery));
			String outcome = (fresh < 0) ? "duplicate" : "recorded";
			log.info("Statuspage delivery {} ({}): {}, {} new updates", delivery.deliveryId(), delivery.eventType(),
					outcome, Math.max(fresh, 0));
			this.meters.counter("switchboard.deliveries.received", "provider", "statuspage", "outcome", outcome)
				.increment();
		}
		catch (RuntimeException ex) {
			this.meters.counter("switchboard.deliveries.received", "provider", "statuspage", "outcome", "failed")
				.increment();
			throw ex;
		}
	}

}
