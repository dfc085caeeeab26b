package dev.switchboard.crmbridge.ticket;

import java.time.Duration;
import java.time.Instant;

import dev.switchboard.contracts.TicketCommand;

/**
 * The ticket capability wired to in-memory fakes of its ports, without Spring: what the
 * broker hands in goes through {@link TicketCommandIntake}, what the drain does runs in a
 * simulated transaction (rolled back when the drain throws, {@code markSent} kept).
 */
public final class InMemoryTicketCore {

	public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	/**
	 * 30 updates per ticket and 10 minutes, a 30 s back-off, dead-lettered after 3, no
	 * settle time (a command is applied in the cycle it arrives).
	 */
	public static final CommandProperties PROPERTIES = new CommandProperties(Duration.ofSeconds(1), 200, 30,
			Duration.ofMinutes(10), Duration.ofSeconds(30), 3, Duration.ofMinutes(1), Duration.ZERO);

	public final TestClock clock = new TestClock(T0);

	public final InMemoryTicketHistory history = new InMemoryTicketHistory();

	public final InMemoryPendingCommands pending = new InMemoryPendingCommands(this.history);

	public final InMemoryHelpdesk helpdesk = new InMemoryHelpdesk(this.clock);

	public final InMemoryRequestBudget budget = new InMemoryRequestBudget();

	public final RecordedTicketMessages messages = new RecordedTicketMessages();

	public final HelpdeskAccess access;

	public final TicketDrain drain;

	public final TicketCommandIntake intake;

	public InMemoryTicketCore() {
		this(PROPERTIES);
	}

	public InMemoryTicketCore(CommandProperties properties) {
		this.access = new HelpdeskAccess(this.clock, properties);
		this.drain = new TicketDrain(this.pending, this.history, this.helpdesk, this.budget, this.access, this.messages,
				this.messages, properties, this.clock);
		this.intake = new TicketCommandIntake(this.pending, this.messages, this.clock);
	}

	/** Takes the commands off the bus, as the consumer does. */
	public void receive(TicketCommand... commands) {
		for (TicketCommand command : commands) {
			this.intake.accept(command);
		}
	}

	/**
	 * One drain of the ticket in its transaction: committed when it returns, rolled back
	 * (all but {@code markSent}) when it throws.
	 */
	public DrainReport drain(String ticketId) {
		this.history.begin();
		this.pending.begin();
		try {
			DrainReport report = this.drain.drain(ticketId);
			this.history.commit();
			this.pending.commit();
			return report;
		}
		catch (RuntimeException ex) {
			this.history.rollback();
			this.pending.rollback();
			throw ex;
		}
	}

	/** Moves the clock past the ticket's parking. */
	public void waitUntilDue(String ticketId) {
		Instant notBefore = this.history.notBefore(ticketId);
		if (notBefore != null && notBefore.isAfter(this.clock.instant())) {
			this.clock.advance(Duration.between(this.clock.instant(), notBefore));
		}
	}

}
