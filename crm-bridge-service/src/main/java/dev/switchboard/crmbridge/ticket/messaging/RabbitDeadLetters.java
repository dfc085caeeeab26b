package dev.switchboard.crmbridge.ticket.messaging;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.crmbridge.ticket.DeadLetters;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a command that cannot be applied to the dead-letter queue of
 * {@code tickets.commands.crm-bridge-service} (through {@code DLX}, keyed by the queue
 * name, as the binder's republish does), with the reason in {@code x-exception-message}.
 */
@Component
class RabbitDeadLetters implements DeadLetters {

	private static final String QUEUE = Destinations.queue(Destinations.TICKETS_COMMANDS, ServiceNames.CRM_BRIDGE);

	private final RabbitTemplate rabbit;

	private final JsonMapper json;

	RabbitDeadLetters(RabbitTemplate rabbit, JsonMapper json) {
		this.rabbit = rabbit;
		this.json = json;
	}

	@Override
	public void deadLetter(TicketCommand command, String reason) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(command.commandId().toString());
		properties.setCorrelationId(command.correlationId());
		properties.setHeader("x-exception-message", reason);
		properties.setHeader("x-original-exchange", Destinations.TICKETS_COMMANDS);
		properties.setHeader("x-original-routingKey", Destinations.TICKETS_COMMANDS);
		byte[] body = this.json.writerFor(TicketCommand.class).writeValueAsBytes(command);
		this.rabbit.send(Destinations.DEAD_LETTER_EXCHANGE, QUEUE, new Message(body, properties));
	}

}
