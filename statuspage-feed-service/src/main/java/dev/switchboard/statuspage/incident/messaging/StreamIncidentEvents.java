package dev.switchboard.statuspage.incident.messaging;

import dev.switchboard.contracts.IncidentEvent;
import dev.switchboard.statuspage.incident.IncidentEvents;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes on {@code status.incidents} (binding {@code incidentEvents-out-0}) with the
 * event id as AMQP {@code message_id} and the correlation id.
 */
@Component
class StreamIncidentEvents implements IncidentEvents {

	static final String BINDING = "incidentEvents-out-0";

	private final StreamBridge bridge;

	StreamIncidentEvents(StreamBridge bridge) {
		this.bridge = bridge;
	}

	@Override
	public void publish(IncidentEvent event) {
		boolean sent = this.bridge.send(BINDING,
				MessageBuilder.withPayload(event)
					.setHeader("amqp_messageId", event.eventId().toString())
					.setHeader("amqp_correlationId", event.correlationId())
					.build());
		if (!sent) {
			throw new IllegalStateException("status.incidents did not take event " + event.eventId());
		}
	}

}
