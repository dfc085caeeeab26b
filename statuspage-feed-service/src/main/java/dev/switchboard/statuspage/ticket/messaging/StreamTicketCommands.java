package dev.switchboard.statuspage.ticket.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.statuspage.ticket.TicketCommands;

import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes ticket commands on {@code tickets.commands} (binding
 * {@code ticketCommands-out-0}, {@code use-confirm-header}, so mandatory) with the
 * command id as AMQP {@code message_id} and the correlation id, and waits for the
 * broker's confirm of each: the outbox ({@code ticket_incident_note}) marks a note sent
 * only after it. crm-bridge-service's queue exists (declared at start-up,
 * {@link TicketCommandTopologyConfiguration}), so a returned command is a failure.
 */
@Component
class StreamTicketCommands implements TicketCommands {

	static final String BINDING = "ticketCommands-out-0";

	private static final long CONFIRM_TIMEOUT_SECONDS = 10;

	private final StreamBridge bridge;

	StreamTicketCommands(StreamBridge bridge) {
		this.bridge = bridge;
	}

	@Override
	public void send(List<TicketCommand> commands) {
		List<CorrelationData> sent = new ArrayList<>();
		for (TicketCommand command : commands) {
			String id = command.commandId().toString();
			CorrelationData correlation = new CorrelationData(id);
			Message<TicketCommand> message = MessageBuilder.withPayload(command)
				.setHeader(AmqpHeaders.MESSAGE_ID, id)
				.setHeader(AmqpHeaders.CORRELATION_ID, command.correlationId())
				.setHeader(AmqpHeaders.PUBLISH_CONFIRM_CORRELATION, correlation)
				.build();
			if (!this.bridge.send(BINDING, message)) {
				throw new IllegalStateException("tickets.commands did not take command " + id);
			}
			sent.add(correlation);
		}
		for (CorrelationData correlation : sent) {
			await(correlation);
		}
	}

	private static void await(CorrelationData correlation) {
		try {
			CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			if (!confirm.ack()) {
				throw new IllegalStateException(
						"Broker refused command " + correlation.getId() + ": " + confirm.reason());
			}
			if (correlation.getReturned() != null) {
				throw new IllegalStateException("Command " + correlation.getId() + " could not be routed");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted waiting for the confirm of " + correlation.getId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("No confirm for command " + correlation.getId(), ex);
		}
	}

}
