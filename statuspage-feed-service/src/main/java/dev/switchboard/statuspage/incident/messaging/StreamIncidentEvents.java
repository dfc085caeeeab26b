package dev.switchboard.statuspage.incident.messaging;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switchboard.contracts.IncidentEvent;
import dev.switchboard.statuspage.incident.IncidentEvents;

import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes on {@code status.incidents} (binding {@code incidentEvents-out-0}) with the
 * event id as AMQP {@code message_id} and the correlation id, and waits for the broker's
 * confirm: the outbox marks an update published only after it. {@code status.incidents}
 * has no consumer yet ("anyone"), so an unroutable event is not a failure, only an
 * unconfirmed one is.
 */
@Component
class StreamIncidentEvents implements IncidentEvents {

	static final String BINDING = "incidentEvents-out-0";

	private static final long CONFIRM_TIMEOUT_SECONDS = 10;

	private final StreamBridge bridge;

	StreamIncidentEvents(StreamBridge bridge) {
		this.bridge = bridge;
	}

	@Override
	public void publish(IncidentEvent event) {
		String id = event.eventId().toString();
		CorrelationData correlation = new CorrelationData(id);
		Message<IncidentEvent> message = MessageBuilder.withPayload(event)
			.setHeader(AmqpHeaders.MESSAGE_ID, id)
			.setHeader(AmqpHeaders.CORRELATION_ID, event.correlationId())
			.setHeader(AmqpHeaders.PUBLISH_CONFIRM_CORRELATION, correlation)
			.build();
		if (!this.bridge.send(BINDING, message)) {
			throw new IllegalStateException("status.incidents did not take event " + id);
		}
		try {
			CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			if (!confirm.ack()) {
				throw new IllegalStateException("Broker refused event " + id + ": " + confirm.reason());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted waiting for the confirm of " + id, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("No confirm for event " + id, ex);
		}
	}

}
