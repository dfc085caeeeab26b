package dev.switchboard.issuesync.delivery.messaging;

import java.util.function.Consumer;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.issuesync.delivery.DeliveryBodies;
import dev.switchboard.issuesync.delivery.Recording;
import dev.switchboard.issuesync.delivery.TrackerDeliveries;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Hands each delivery to the use case with its correlation id in the logs, and counts
 * what happened. A failure propagates: the binder (one attempt) republishes the message
 * to the dead-letter queue.
 */
class InboundDeliveryConsumer implements Consumer<InboundDelivery> {

	private static final Logger log = LoggerFactory.getLogger(InboundDeliveryConsumer.class);

	private final TrackerDeliveries deliveries;

	private final DeliveryBodies bodies;

	private final MeterRegistry meters;

	InboundDeliveryConsumer(TrackerDeliveries deliveries, DeliveryBodies bodies, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.bodies = bodies;
		this.meters = meters;
	}

	@Override
	public void accept(InboundDelivery message) {
		InboundDelivery delivery = message;
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", message.correlationId())) {
			if (message.byReference()) {
				// too large for a message: fetched before the transaction that applies it
				delivery = message.withBody(this.bodies.fetch(message.eventId()));
				this.meters.counter("switchboard.deliveries.bodies.fetched", "provider", message.provider())
					.increment();
			}
			Recording recording = this.deliveries.accept(delivery);
			log.info("{} {} delivery {} ({})", recording, delivery.provider(), delivery.deliveryId(),
					delivery.routingKey());
			this.meters
				.counter("switchboard.deliveries.received", "provider", delivery.provider(), "outcome",
						recording.name().toLowerCase(java.util.Locale.ROOT))
				.increment();
		}
		catch (RuntimeException ex) {
			this.meters.counter("switchboard.deliveries.received", "provider", delivery.provider(), "outcome", "failed")
				.increment();
			throw ex;
		}
	}

}
