package dev.switchboard.crmbridge.call.messaging;

import dev.switchboard.contracts.CallEvent;
import dev.switchboard.crmbridge.call.CallEvents;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes on {@code callEvents-out-0} ({@code calls.events}, no consumer group yet),
 * the event id as the AMQP {@code message_id}.
 */
@Component
class StreamCallEvents implements CallEvents {

	private final StreamBridge bridge;

	StreamCallEvents(StreamBridge bridge) {
		this.bridge = bridge;
	}

	@Override
	public void publish(CallEvent event) {
		boolean sent = this.bridge.send("callEvents-out-0",
				MessageBuilder.withPayload(event)
					.setHeader("amqp_messageId", event.eventId().toString())
					.setHeader("amqp_correlationId", event.correlationId())
					.build());
		if (!sent) {
			throw new IllegalStateException("calls.events did not accept event " + event.eventId());
		}
	}

}
