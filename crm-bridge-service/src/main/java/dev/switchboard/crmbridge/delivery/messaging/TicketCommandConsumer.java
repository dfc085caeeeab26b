package dev.switchboard.crmbridge.delivery.messaging;

import java.util.Locale;
import java.util.function.Consumer;

import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.crmbridge.ticket.HelpdeskIds;
import dev.switchboard.crmbridge.ticket.Intake;
import dev.switchboard.crmbridge.ticket.TicketCommandIntake;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tickets.commands}: stores each command (the message is acknowledged once it is
 * in the database), counted as {@code switchboard.commands.received{outcome}}. The owner
 * check is the intake's: a command for something that is not a helpdesk ticket id is
 * dead-lettered with its reason ({@code outcome=refused}); a command seen before changes
 * nothing ({@code outcome=duplicate}).
 */
class TicketCommandConsumer implements Consumer<TicketCommand> {

	private static final Logger log = LoggerFactory.getLogger(TicketCommandConsumer.class);

	private final TicketCommandIntake intake;

	private final ConsumedMessages consumed;

	TicketCommandConsumer(TicketCommandIntake intake, ConsumedMessages consumed) {
		this.intake = intake;
		this.consumed = consumed;
	}

	@Override
	public void accept(TicketCommand command) {
		this.consumed.handle(command.correlationId(), Tags.empty(), () -> {
			Intake intake = this.intake.accept(command);
			log.info("{} command {} ({}) for ticket {}", intake, command.commandId(),
					command.getClass().getSimpleName(), HelpdeskIds.quoted(command.ticketId()));
			return intake.name().toLowerCase(Locale.ROOT);
		});
	}

}
