package dev.switchboard.crmbridge.ticket.scheduling;

import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.TicketFollowedUp;
import dev.switchboard.crmbridge.ticket.HelpdeskFailure;
import dev.switchboard.crmbridge.ticket.InMemoryHelpdesk.Operation;
import dev.switchboard.crmbridge.ticket.InMemoryTicketCore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static dev.switchboard.crmbridge.ticket.InMemoryTicketCore.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One cycle of the drain's trigger against in-memory fakes: every due ticket once, the
 * cycle stopped by refused credentials, a crash counted as a failed attempt, and the
 * metrics under their names.
 */
class TicketDrainJobTests {

	private final InMemoryTicketCore core = new InMemoryTicketCore();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final TicketDrainJob job = new TicketDrainJob(this.core.drain, this.meters);

	@Test
	void drainsEveryDueTicketAndCountsWhatHappened() {
		this.core.helpdesk.ticket("1", "open");
		this.core.helpdesk.ticket("2", "open");
		this.core.receive(note("1", 1), note("1", 2), note("2", 3));

		this.job.drainDueTickets();

		assertThat(this.core.helpdesk.ticket("1").comments()).hasSize(1);
		assertThat(this.core.helpdesk.ticket("2").comments()).hasSize(1);
		assertThat(counted("switchboard.commands", "outcome", "applied")).isEqualTo(3);
		assertThat(counted("switchboard.commands", "outcome", "coalesced")).isEqualTo(1);
		assertThat(this.meters.counter("switchboard.helpdesk.updates").count()).isEqualTo(2);
	}

	@Test
	void stopsTheCycleWhenTheHelpdeskRefusesTheCredentials() {
		this.core.helpdesk.ticket("1", "open");
		this.core.helpdesk.ticket("2", "open");
		this.core.helpdesk.failNext(Operation.READ, new HelpdeskFailure.Unauthorized(403));
		AddInternalNote waiting = note("2", 2);
		this.core.receive(note("1", 1), waiting);

		this.job.drainDueTickets();
		this.job.drainDueTickets();

		assertThat(this.core.helpdesk.requests()).containsExactly("READ 1");
		assertThat(this.core.pending.stateOf(waiting.commandId())).isEqualTo("pending");
		assertThat(counted("switchboard.helpdesk.failures", "kind", "unauthorized")).isEqualTo(1);
	}

	@Test
	void writesNothingWhileNoCredentialsAreConfigured() {
		this.core.helpdesk.ticket("1", "open");
		this.core.helpdesk.unconfigured();
		AddInternalNote note = note("1", 1);
		this.core.receive(note);

		this.job.drainDueTickets();

		assertThat(this.core.helpdesk.requests()).isEmpty();
		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("pending");
	}

	@Test
	void countsATicketWhoseDrainCrashedAsAFailedAttemptAndGoesOnWithTheNext() {
		this.core.helpdesk.ticket("1", "open");
		this.core.helpdesk.ticket("2", "open");
		this.core.history.failRecordWrites(1);
		AddInternalNote next = note("2", 2);
		this.core.receive(note("1", 1), next);

		this.job.drainDueTickets();

		assertThat(this.core.history.failedAttempts("1")).isEqualTo(1);
		assertThat(this.core.history.notBefore("1")).isEqualTo(T0.plusSeconds(30));
		assertThat(this.core.pending.stateOf(next.commandId())).isEqualTo("applied");
		assertThat(counted("switchboard.helpdesk.failures", "kind", "unavailable")).isEqualTo(1);
	}

	@Test
	void announcesAFollowUpInTheNextCycleWhenItsPublishWasNotConfirmed() {
		this.core.helpdesk.ticket("1", "closed");
		this.core.messages.refusePublishes(1);
		this.core.receive(note("1", 1));

		this.job.drainDueTickets();
		assertThat(this.core.messages.events).isEmpty();
		this.job.drainDueTickets();

		assertThat(this.core.messages.events).singleElement().isInstanceOf(TicketFollowedUp.class);
		assertThat(this.core.helpdesk.created()).hasSize(1);
	}

	private double counted(String name, String tag, String value) {
		return this.meters.counter(name, tag, value).count();
	}

	private static AddInternalNote note(String ticketId, int second) {
		return AddInternalNote.of(UUID.randomUUID(), "corr", ticketId, T0.plusSeconds(second), "note " + second);
	}

}
