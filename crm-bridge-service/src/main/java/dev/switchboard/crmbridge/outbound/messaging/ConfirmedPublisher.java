package dev.switchboard.crmbridge.outbound.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switchboard.contracts.CallEvent;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.crmbridge.call.CallEvents;
import dev.switchboard.crmbridge.ticket.DeadLetters;
import dev.switchboard.crmbridge.ticket.TicketEvents;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * The one way crm-bridge publishes: a {@code RabbitTemplate} publish, {@code mandatory},
 * with a {@link CorrelationData} per message whose confirm is awaited before the method
 * returns. A nack, a return (no queue bound), a closed channel or no confirm within
 * {@code crm-bridge.publish.confirm-timeout} throws, naming the message id: the caller's
 * inbound message then fails (and is dead-lettered by the binder, replayable) or its
 * transaction rolls back and the drain tries again; nothing is acked while its messages
 * may be lost. Plain Spring AMQP rather than a Stream binding, as in the gateway: the
 * confirm and the return of this one message are what the caller waits for.
 * <p>
 * {@code calls.events} has no consumer group yet ("anyone", docs/messaging.md): a return
 * there is counted ({@code switchboard.messages.unrouted}), not a failure; only a missing
 * confirm is.
 */
@Component
class ConfirmedPublisher implements TicketEvents, CallEvents, DeadLetters {

	private static final String COMMANDS_QUEUE = Destinations.queue(Destinations.TICKETS_COMMANDS,
			ServiceNames.CRM_BRIDGE);

	private final RabbitTemplate rabbit;

	private final JsonMapper json;

	private final Duration confirmTimeout;

	private final MeterRegistry meters;

	ConfirmedPublisher(RabbitTemplate rabbit, JsonMapper json, PublishProperties properties, MeterRegistry meters) {
		this.rabbit = rabbit;
		// also spring.rabbitmq.template.mandatory; set here too because without it an
		// unroutable message is confirmed and silently dropped
		this.rabbit.setMandatory(true);
		// a return is read from the publish's CorrelationData (send); without a callback
		// the
		// template would also log "Returned message but no callback available" for every
		// calls.events event, i.e. for every Twilio callback, as long as nobody binds a
		// queue
		// there
		this.rabbit.setReturnsCallback((returned) -> {
		});
		this.json = json;
		this.confirmTimeout = properties.confirmTimeout();
		this.meters = meters;
	}

	@Override
	public void publish(TicketEvent event) {
		MessageProperties properties = properties(event.eventId(), event.correlationId(), event.occurredAt());
		send(Destinations.TICKETS_EVENTS, Destinations.TICKETS_EVENTS,
				new Message(this.json.writerFor(TicketEvent.class).writeValueAsBytes(event), properties), true);
	}

	@Override
	public void publish(CallEvent event) {
		MessageProperties properties = properties(event.eventId(), event.correlationId(), event.occurredAt());
		send(Destinations.CALLS_EVENTS, Destinations.CALLS_EVENTS,
				new Message(this.json.writerFor(CallEvent.class).writeValueAsBytes(event), properties), false);
	}

	/**
	 * To the DLQ of {@code tickets.commands.crm-bridge-service} through {@code DLX},
	 * keyed by the queue name as the binder's republish does, with the reason in
	 * {@code x-exception-message}.
	 */
	@Override
	public void deadLetter(TicketCommand command, String reason) {
		MessageProperties properties = properties(command.commandId(), command.correlationId(), command.causedAt());
		properties.setHeader("x-exception-message", reason);
		properties.setHeader("x-original-exchange", Destinations.TICKETS_COMMANDS);
		properties.setHeader("x-original-routingKey", Destinations.TICKETS_COMMANDS);
		send(Destinations.DEAD_LETTER_EXCHANGE, COMMANDS_QUEUE,
				new Message(this.json.writerFor(TicketCommand.class).writeValueAsBytes(command), properties), true);
	}

	private static MessageProperties properties(UUID id, String correlationId, Instant at) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setMessageId(id.toString());
		properties.setCorrelationId(correlationId);
		properties.setTimestamp(Date.from(at));
		return properties;
	}

	private void send(String exchange, String routingKey, Message message, boolean mustBeRouted) {
		String id = Objects.requireNonNull(message.getMessageProperties().getMessageId(),
				"properties(..) gives every message its id");
		CorrelationData confirmation = new CorrelationData(id);
		this.rabbit.send(exchange, routingKey, message, confirmation);
		CorrelationData.Confirm confirm = awaitConfirm(confirmation, exchange);
		if (!confirm.ack()) {
			throw new IllegalStateException(
					"The broker refused message " + id + " to " + exchange + ": " + confirm.reason());
		}
		ReturnedMessage returned = confirmation.getReturned();
		if (returned != null) {
			if (mustBeRouted) {
				throw new IllegalStateException("Message " + id + " to " + exchange
						+ " was unroutable (no queue bound for " + routingKey + ": " + returned.getReplyText() + ")");
			}
			this.meters.counter("switchboard.messages.unrouted", "exchange", exchange).increment();
		}
	}

	private CorrelationData.Confirm awaitConfirm(CorrelationData confirmation, String exchange) {
		try {
			return confirmation.getFuture().get(this.confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("No confirm for message " + confirmation.getId() + " to " + exchange
					+ " within " + this.confirmTimeout, ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("No confirm for message " + confirmation.getId() + " to " + exchange, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted waiting for the confirm of " + confirmation.getId(), ex);
		}
	}

}
