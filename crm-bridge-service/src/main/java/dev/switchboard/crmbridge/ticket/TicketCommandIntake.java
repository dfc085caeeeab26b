package dev.switchboard.crmbridge.ticket;

import java.time.Clock;

import dev.switchboard.contracts.TicketCommand;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores each command once, before the message is acknowledged; the drainer applies it. A
 * redelivered command (same {@code commandId}) changes nothing.
 */
@Service
public class TicketCommandIntake {

	private final PendingCommands pending;

	private final Clock clock;

	public TicketCommandIntake(PendingCommands pending, Clock clock) {
		this.pending = pending;
		this.clock = clock;
	}

	@Transactional
	public Intake accept(TicketCommand command) {
		return this.pending.addIfAbsent(command, this.clock.instant()) ? Intake.QUEUED : Intake.DUPLICATE;
	}

}
