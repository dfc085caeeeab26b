package dev.switchboard.crmbridge.delivery.messaging;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.crmbridge.ticket.HelpdeskIds;
import dev.switchboard.crmbridge.ticket.Intake;
import dev.switchboard.crmbridge.ticket.TicketCommandIntake;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.messaging.Message;

/**
 * {@code tickets.commands}: stores each command (the message is acknowledged once it is
 * in the database), counted as {@code switchboard.commands.received{outcome}}. The owner
 * check is the intake's: a command for something that is not a helpdesk ticket id is
 * dead-lettered with its reason ({@code outcome=refused}); a command seen before changes
 * nothing ({@code outcome=duplicate}). The message's AMQP {@code app_id}, when the sender
 * set one that looks like a service name, is kept with the command as its sender (the
 * timeline shows it); the contract itself does not name the sender.
 */
class TicketCommandConsumer implements Consumer<Message<TicketCommand>> {

	private static final Logger log = LoggerFactory.getLogger(TicketCommandConsumer.class);

	private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

	private final TicketCommandIntake intake;

	private final ConsumedMessages consumed;

	TicketCommandConsumer(TicketCommandIntake intake, ConsumedMessages consumed) {
		this.intake = intake;
		this.consumed = consumed;
	}

	@Override
	public void accept(Message<TicketCommand> message) {
		TicketCommand command = message.getPayload();
		this.consumed.handle(command.correlationId(), Tags.empty(), () -> {
			Intake intake = this.intake.accept(command, sender(message));
			log.info("{} command {} ({}) for ticket {}", intake, command.commandId(),
					command.getClass().getSimpleName(), HelpdeskIds.quoted(command.ticketId()));
			return intake.name().toLowerCase(Locale.ROOT);
		});
	}

	private static @Nullable String sender(Message<TicketCommand> message) {
		Object appId = message.getHeaders().get(AmqpHeaders.APP_ID);
		return (appId instanceof String name && SERVICE_NAME.matcher(name).matches()) ? name : null;
	}

}
