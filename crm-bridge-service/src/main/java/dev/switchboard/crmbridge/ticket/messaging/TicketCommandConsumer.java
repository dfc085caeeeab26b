package dev.switchboard.crmbridge.ticket.messaging;

import java.util.Locale;
import java.util.function.Consumer;

import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.crmbridge.ticket.HelpdeskIds;
import dev.switchboard.crmbridge.ticket.Intake;
import dev.switchboard.crmbridge.ticket.TicketCommandIntake;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Stores each command (the message is acknowledged once it is in the database) with its
 * correlation id in the logs. A failure propagates: one attempt, then the dead-letter
 * queue. A command for something that is not a helpdesk ticket id is dead-lettered by the
 * intake with its reason ({@code outcome=refused}).
 */
class TicketCommandConsumer implements Consumer<TicketCommand> {

	private static final Logger log = LoggerFactory.getLogger(TicketCommandConsumer.class);

	private final TicketCommandIntake intake;

	private final MeterRegistry meters;

	TicketCommandConsumer(TicketCommandIntake intake, MeterRegistry meters) {
		this.intake = intake;
		this.meters = meters;
	}

	@Override
	public void accept(TicketCommand command) {
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", command.correlationId())) {
			Intake intake = this.intake.accept(command);
			log.info("{} command {} ({}) for ticket {}", intake, command.commandId(),
					command.getClass().getSimpleName(), HelpdeskIds.quoted(command.ticketId()));
			this.meters.counter("switchboard.commands.received", "outcome", intake.name().toLowerCase(Locale.ROOT))
				.increment();
		}
	}

}
