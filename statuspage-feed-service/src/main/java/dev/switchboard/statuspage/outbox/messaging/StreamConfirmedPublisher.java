package dev.switchboard.statuspage.outbox.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.statuspage.outbox.ConfirmedPublisher;
import dev.switchboard.statuspage.outbox.OutboxMessage;

import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * The one publishing class of this service (ADR 0003, outbox shape): Stream bindings with
 * {@code use-confirm-header} (so the binder publishes {@code mandatory}), the message id
 * as AMQP {@code message_id} and the correlation id, then the confirm of every message
 * awaited. {@code tickets.commands} ({@code ticketCommands-out-0}) has a consumer, whose
 * queue is declared at start-up ({@code TicketCommandTopologyConfiguration}): a returned
 * command is a failure. {@code status.incidents} ({@code incidentEvents-out-0}) has none
 * yet: a returned event is counted ({@code IncidentMessagingConfiguration}), only an
 * unconfirmed one is a failure.
 */
@Component
class StreamConfirmedPublisher implements ConfirmedPublisher {

	private static final long CONFIRM_TIMEOUT_SECONDS = 10;

	private static final Map<String, Binding> BINDINGS = Map.of(Destinations.STATUS_INCIDENTS,
			new Binding("incidentEvents-out-0", false), Destinations.TICKETS_COMMANDS,
			new Binding("ticketCommands-out-0", true));

	private final StreamBridge bridge;

	StreamConfirmedPublisher(StreamBridge bridge) {
		this.bridge = bridge;
	}

	@Override
	public void publish(String destination, List<OutboxMessage> messages) {
		Binding binding = BINDINGS.get(destination);
		if (binding == null) {
			throw new IllegalArgumentException("No binding publishes to " + destination);
		}
		List<CorrelationData> sent = new ArrayList<>();
		for (OutboxMessage outgoing : messages) {
			String id = outgoing.id().toString();
			CorrelationData correlation = new CorrelationData(id);
			Message<Object> message = MessageBuilder.withPayload(outgoing.payload())
				.setHeader(AmqpHeaders.MESSAGE_ID, id)
				.setHeader(AmqpHeaders.CORRELATION_ID, outgoing.correlationId())
				.setHeader(AmqpHeaders.PUBLISH_CONFIRM_CORRELATION, correlation)
				.build();
			if (!this.bridge.send(binding.name(), message)) {
				throw new IllegalStateException(destination + " did not take message " + id);
			}
			sent.add(correlation);
		}
		for (CorrelationData correlation : sent) {
			await(destination, binding, correlation);
		}
	}

	private static void await(String destination, Binding binding, CorrelationData correlation) {
		try {
			CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			if (!confirm.ack()) {
				throw new IllegalStateException("Broker refused message " + correlation.getId() + " to " + destination
						+ ": " + confirm.reason());
			}
			if (binding.returnIsFailure() && correlation.getReturned() != null) {
				throw new IllegalStateException(
						"Message " + correlation.getId() + " to " + destination + " could not be routed");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted waiting for the confirm of " + correlation.getId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("No confirm for message " + correlation.getId() + " to " + destination, ex);
		}
	}

	/**
	 * @param returnIsFailure whether the destination has consumers (their queue declared
	 * at start-up), so a return means a message would be lost
	 */
	private record Binding(String name, boolean returnIsFailure) {

	}

}
