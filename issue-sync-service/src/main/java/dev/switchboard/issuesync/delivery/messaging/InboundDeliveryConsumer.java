package dev.switchboard.issuesync.delivery.messaging;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.issuesync.delivery.DeliveryBodies;
import dev.switchboard.issuesync.delivery.ReceivedDelivery;
import dev.switchboard.issuesync.delivery.Recording;
import dev.switchboard.issuesync.delivery.TrackerDeliveries;
import dev.switchboard.issuesync.tracker.IssueChange;
import dev.switchboard.issuesync.tracker.WebhookReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The edge of the inbound path: with the delivery's correlation id in the logs, checks
 * that issue-sync owns its provider, fetches a body that travelled by reference, picks
 * the provider's reader and parses the body, then hands the use case the domain changes;
 * counts what happened. A failure propagates: the binder (one attempt) republishes the
 * message to the dead-letter queue.
 */
class InboundDeliveryConsumer implements Consumer<InboundDelivery> {

	private static final Logger log = LoggerFactory.getLogger(InboundDeliveryConsumer.class);

	private final Map<String, WebhookReader> readers;

	private final TrackerDeliveries deliveries;

	private final DeliveryBodies bodies;

	private final MeterRegistry meters;

	InboundDeliveryConsumer(List<WebhookReader> readers, TrackerDeliveries deliveries, DeliveryBodies bodies,
			MeterRegistry meters) {
		this.readers = readers.stream()
			.collect(Collectors.toUnmodifiableMap((reader) -> reader.tracker().id(), Function.identity()));
		this.deliveries = deliveries;
		this.bodies = bodies;
		this.meters = meters;
	}

	@Override
	public void accept(InboundDelivery message) {
		InboundDelivery delivery = message;
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", message.correlationId())) {
			WebhookReader reader = readerOf(message);
			if (message.byReference()) {
				// too large for a message: fetched before the transaction that applies it
				delivery = message.withBody(this.bodies.fetch(message.eventId()));
				this.meters.counter("switchboard.deliveries.bodies.fetched", "provider", message.provider())
					.increment();
			}
			List<IssueChange> changes = reader.read(delivery);
			Recording recording = this.deliveries.accept(received(delivery), changes);
			log.info("{} {} delivery {} ({})", recording, delivery.provider(), delivery.deliveryId(),
					delivery.routingKey());
			this.meters
				.counter("switchboard.deliveries.received", "provider", delivery.provider(), "outcome",
						recording.name().toLowerCase(Locale.ROOT))
				.increment();
		}
		catch (RuntimeException ex) {
			this.meters.counter("switchboard.deliveries.received", "provider", delivery.provider(), "outcome", "failed")
				.increment();
			throw ex;
		}
	}

	/** The owner check: issue-sync reads the providers it owns (GitHub, Jira) only. */
	private WebhookReader readerOf(InboundDelivery delivery) {
		WebhookReader reader = this.readers.get(delivery.provider());
		if (reader == null) {
			throw new IllegalArgumentException("issue-sync-service does not own " + delivery.provider()
					+ " deliveries (routing key " + delivery.routingKey() + ")");
		}
		return reader;
	}

	private static ReceivedDelivery received(InboundDelivery delivery) {
		return new ReceivedDelivery(delivery.eventId(), delivery.provider(), delivery.eventType(),
				delivery.deliveryId(), delivery.correlationId(), delivery.receivedAt(), delivery.body().length);
	}

}
