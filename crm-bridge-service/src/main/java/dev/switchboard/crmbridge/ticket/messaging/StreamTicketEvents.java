package dev.switchboard.crmbridge.ticket.messaging;

import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.crmbridge.ticket.TicketEvents;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes on {@code ticketEvents-out-0} ({@code tickets.events}), the event id as the
 * AMQP {@code message_id}; the binding declares the consumers' queues
 * ({@code required-groups}) before the first publish.
 */
@Component
class StreamTicketEvents implements TicketEvents {

	static final String BINDING = "ticketEvents-out-0";

	private final StreamBridge bridge;

	StreamTicketEvents(StreamBridge bridge) {
		this.bridge = bridge;
	}

	@Override
	public void publish(TicketEvent event) {
		boolean sent = this.bridge.send(BINDING,
				MessageBuilder.withPayload(event)
					.setHeader("amqp_messageId", event.eventId().toString())
					.setHeader("amqp_correlationId", event.correlationId())
					.build());
		if (!sent) {
			throw new IllegalStateException("tickets.events did not accept event " + event.eventId());
		}
	}

}
