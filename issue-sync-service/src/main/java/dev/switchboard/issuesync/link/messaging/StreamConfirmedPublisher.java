package dev.switchboard.issuesync.link.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switchboard.contracts.IssueEvent;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.issuesync.link.IssueEvents;
import dev.switchboard.issuesync.link.TicketCommands;

import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes through the bindings {@code ticketCommands-out-0} and
 * {@code issueEvents-out-0} with the payload's own id as AMQP {@code message_id}, and
 * waits for the broker's confirm of every message (mandatory: an unroutable message is a
 * failure). The caller's transaction commits only after that, so a change is never
 * recorded while its messages are lost; a crash in between re-sends the same ids, which
 * receivers drop.
 */
@Component
class StreamConfirmedPublisher implements TicketCommands, IssueEvents {

	static final String TICKET_COMMANDS = "ticketCommands-out-0";

	static final String ISSUE_EVENTS = "issueEvents-out-0";

	private static final long CONFIRM_TIMEOUT_SECONDS = 10;

	private final StreamBridge bridge;

	StreamConfirmedPublisher(StreamBridge bridge) {
		this.bridge = bridge;
	}

	@Override
	public void send(List<TicketCommand> commands) {
		List<CorrelationData> sent = new ArrayList<>();
		for (TicketCommand command : commands) {
			sent.add(publish(TICKET_COMMANDS, command, command.commandId(), command.correlationId()));
		}
		awaitConfirms(sent, true);
	}

	/**
	 * {@code issues.events} has no consumer yet ("anyone"): an unroutable event is not a
	 * failure, only an unconfirmed one is.
	 */
	@Override
	public void publish(List<IssueEvent> events) {
		List<CorrelationData> sent = new ArrayList<>();
		for (IssueEvent event : events) {
			sent.add(publish(ISSUE_EVENTS, event, event.eventId(), event.correlationId()));
		}
		awaitConfirms(sent, false);
	}

	private CorrelationData publish(String binding, Object payload, UUID id, String correlationId) {
		CorrelationData correlation = new CorrelationData(id.toString());
		Message<Object> message = MessageBuilder.withPayload(payload)
			.setHeader(AmqpHeaders.MESSAGE_ID, id.toString())
			.setHeader(AmqpHeaders.CORRELATION_ID, correlationId)
			.setHeader(AmqpHeaders.PUBLISH_CONFIRM_CORRELATION, correlation)
			.build();
		if (!this.bridge.send(binding, message)) {
			throw new IllegalStateException("Could not publish " + id + " to " + binding);
		}
		return correlation;
	}

	private static void awaitConfirms(List<CorrelationData> sent, boolean mustBeRouted) {
		for (CorrelationData correlation : sent) {
			try {
				CorrelationData.Confirm confirm = correlation.getFuture()
					.get(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
				if (!confirm.ack()) {
					throw new IllegalStateException(
							"Broker refused message " + correlation.getId() + ": " + confirm.reason());
				}
				if (mustBeRouted && correlation.getReturned() != null) {
					throw new IllegalStateException("Message " + correlation.getId() + " could not be routed");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted waiting for the confirm of " + correlation.getId(), ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("No confirm for message " + correlation.getId(), ex);
			}
		}
	}

}
