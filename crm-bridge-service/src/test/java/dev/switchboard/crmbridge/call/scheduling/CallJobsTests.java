package dev.switchboard.crmbridge.call.scheduling;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.switchboard.crmbridge.call.CallHandler;
import dev.switchboard.crmbridge.call.CallLog;
import dev.switchboard.crmbridge.call.CallLogs;
import dev.switchboard.crmbridge.call.CallNotes;
import dev.switchboard.crmbridge.call.CallProperties;
import dev.switchboard.crmbridge.call.CallRequest;
import dev.switchboard.crmbridge.call.CallerTickets;
import dev.switchboard.crmbridge.call.NorthAmericanNumbers;
import dev.switchboard.crmbridge.call.RecordedCallMetrics;
import dev.switchboard.crmbridge.ticket.InMemoryHelpdesk;
import dev.switchboard.crmbridge.ticket.InMemoryPendingCommands;
import dev.switchboard.crmbridge.ticket.InMemoryRequestBudget;
import dev.switchboard.crmbridge.ticket.InMemoryTicketHistory;
import dev.switchboard.crmbridge.ticket.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-note job against the request budget: while it is spent no due call is taken up
 * (each would cost a transaction and, for nothing, a budget check a second while the
 * backlog lasts); once it allows, every due call is.
 */
class CallJobsTests {

	private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final InMemoryRequestBudget budget = new InMemoryRequestBudget();

	private final DueCalls logs = new DueCalls(List.of("CA1", "CA2"));

	private final CallJobs jobs = jobs();

	@Test
	void takesUpNoDueEndNoteWhileTheHelpdeskBudgetIsSpent() {
		this.budget.exhaustedFor(Duration.ofSeconds(20));

		this.jobs.writeDueEndNotes();

		assertThat(this.logs.takenUp).isEmpty();
	}

	@Test
	void takesUpEveryDueEndNoteWhileTheBudgetAllows() {
		this.jobs.writeDueEndNotes();

		assertThat(this.logs.takenUp).containsExactly("CA1", "CA2");
	}

	private CallJobs jobs() {
		CallProperties properties = new CallProperties("US", CallProperties.MultipleMatches.MOST_RECENT_TICKET,
				Duration.ofMinutes(30), Duration.ofDays(180), Duration.ofSeconds(10),
				URI.create("http://localhost:8080"), CallProperties.WithheldCallers.NEW_TICKET, null);
		InMemoryHelpdesk helpdesk = new InMemoryHelpdesk(this.clock);
		InMemoryTicketHistory history = new InMemoryTicketHistory();
		NorthAmericanNumbers numbers = new NorthAmericanNumbers();
		RecordedCallMetrics metrics = new RecordedCallMetrics();
		CallNotes notes = new CallNotes(new CallerTickets(helpdesk, numbers, properties, metrics), helpdesk,
				new InMemoryPendingCommands(history), history, numbers, metrics, this.budget, properties, this.clock);
		CallHandler handler = new CallHandler(this.logs, notes, (event) -> {
		}, this.clock);
		return new CallJobs(this.logs, handler, properties, this.budget, this.clock);
	}

	/**
	 * Call logs whose end notes are due; a call the job takes up is looked for (and not
	 * found: purged meanwhile, so nothing else happens).
	 */
	private static final class DueCalls implements CallLogs {

		private final List<String> due;

		final List<String> takenUp = new ArrayList<>();

		DueCalls(List<String> due) {
			this.due = due;
		}

		@Override
		public List<String> endNotesDue(Instant before) {
			return this.due;
		}

		@Override
		public Optional<CallLog> find(String callSid) {
			this.takenUp.add(callSid);
			return Optional.empty();
		}

		@Override
		public boolean recordCallback(String idempotencyToken, String callSid, Instant at) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Locked lock(CallLog initial) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void save(CallLog log, Instant at) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<CallLog> byTicket(String ticketId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<CallLog> byCustomerNumber(String e164, int limit) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean recordCallRequest(String commentId, String ticketId, Instant at) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<CallRequest> callRequests(String ticketId, int limit) {
			throw new UnsupportedOperationException();
		}

		@Override
		public int purgeStartedBefore(Instant before) {
			throw new UnsupportedOperationException();
		}

	}

}
