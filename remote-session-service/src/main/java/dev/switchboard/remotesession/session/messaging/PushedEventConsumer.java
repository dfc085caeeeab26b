package dev.switchboard.remotesession.session.messaging;

import java.util.Locale;
import java.util.function.Consumer;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.remotesession.session.SessionTimeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A vendor's pushed session event (Standard Webhooks, verified by the gateway): read into
 * a {@code SessionActivity} and handed to the timeline with the delivery's own id, which
 * applies it once; in the shape of {@link ConsumedMessages}
 * ({@code switchboard.deliveries.received{provider}}).
 */
class PushedEventConsumer implements Consumer<InboundDelivery> {

	private static final Logger log = LoggerFactory.getLogger(PushedEventConsumer.class);

	private final SessionTimeline timeline;

	private final PushedEventReader reader;

	private final ConsumedMessages consumed;

	PushedEventConsumer(SessionTimeline timeline, PushedEventReader reader, MeterRegistry meters) {
		this.timeline = timeline;
		this.reader = reader;
		this.consumed = new ConsumedMessages(meters, "switchboard.deliveries.received", (failure) -> "failed");
	}

	@Override
	public void accept(InboundDelivery delivery) {
		this.consumed.handle(delivery.correlationId(), Tags.of("provider", delivery.provider()),
				() -> handle(delivery));
	}

	private String handle(InboundDelivery delivery) {
		if (!Provider.REMOTE_SESSION.id().equals(delivery.provider())) {
			throw new IllegalArgumentException("remote-session-service does not own " + delivery.provider()
					+ " deliveries (routing key " + delivery.routingKey() + ")");
		}
		SessionTimeline.Outcome outcome = this.timeline.applyPushed(delivery.eventId(), this.reader.read(delivery));
		log.info("{} pushed session event, delivery {} ({})", outcome, delivery.deliveryId(), delivery.routingKey());
		return outcome.name().toLowerCase(Locale.ROOT);
	}

}
