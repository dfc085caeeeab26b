package dev.switchboard.remotesession.session.messaging;

import java.util.Locale;
import java.util.function.Consumer;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.remotesession.session.SessionTimeline;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A vendor's pushed session event (Standard Webhooks, verified by the gateway), applied
 * once by the delivery's own id.
 */
class PushedEventConsumer implements Consumer<InboundDelivery> {

	private static final Logger log = LoggerFactory.getLogger(PushedEventConsumer.class);

	private final SessionTimeline timeline;

	private final PushedEventReader reader;

	private final MeterRegistry meters;

	PushedEventConsumer(SessionTimeline timeline, PushedEventReader reader, MeterRegistry meters) {
		this.timeline = timeline;
		this.reader = reader;
		this.meters = meters;
	}

	@Override
	public void accept(InboundDelivery delivery) {
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", delivery.correlationId())) {
			if (!Provider.REMOTE_SESSION.id().equals(delivery.provider())) {
				throw new IllegalArgumentException("remote-session-service does not own " + delivery.provider()
						+ " deliveries (routing key " + delivery.routingKey() + ")");
			}
			SessionTimeline.Outcome outcome = this.timeline.applyPushed(delivery.eventId(), this.reader.read(delivery));
			log.info("{} pushed session event, delivery {} ({})", outcome, delivery.deliveryId(),
					delivery.routingKey());
			this.meters
				.counter("switchboard.deliveries.received", "provider", delivery.provider(), "outcome",
						outcome.name().toLowerCase(Locale.ROOT))
				.increment();
		}
		catch (RuntimeException ex) {
			this.meters.counter("switchboard.deliveries.received", "provider", delivery.provider(), "outcome", "failed")
				.increment();
			throw ex;
		}
	}

}
