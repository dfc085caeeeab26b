package dev.switchboard.crmbridge.ticket;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.AddPublicReply;
import dev.switchboard.contracts.AddTags;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.TicketFollowedUp;
import dev.switchboard.crmbridge.ticket.InMemoryHelpdesk.Comment;
import dev.switchboard.crmbridge.ticket.InMemoryHelpdesk.Operation;
import org.junit.jupiter.api.Test;

import static dev.switchboard.crmbridge.ticket.InMemoryHelpdesk.marker;
import static dev.switchboard.crmbridge.ticket.InMemoryTicketCore.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The decisions of {@link TicketDrain} against in-memory fakes of its ports: coalesced,
 * duplicate, parked, rate limited, conflict re-read, unknown outcome settled from the
 * markers, follow-up, dead-lettered, refused credentials, stale reopen dropped.
 */
class TicketDrainTests {

	private static final String TICKET = "4711";

	private static final HelpdeskFailure TIMEOUT = new HelpdeskFailure.Unavailable(
			"SocketTimeoutException: read timed out");

	private final InMemoryTicketCore core = new InMemoryTicketCore();

	@Test
	void joinsNotesOfOneVisibilityIntoOneCommentCarryingAMarkerPerCommand() {
		this.core.helpdesk.ticket(TICKET, "open");
		AddInternalNote first = note(1, "one");
		AddInternalNote second = note(2, "two");
		AddTags tags = AddTags.of(UUID.randomUUID(), "corr", TICKET, T0.plusSeconds(3), List.of("linked"));
		this.core.receive(first, second, tags);

		DrainReport report = this.core.drain(TICKET);

		assertThat(report).isEqualTo(new DrainReport(1, 3, 1, 0, 0, null));
		assertThat(comments()).singleElement()
			.satisfies((comment) -> assertThat(comment.body()).startsWith("one\n\ntwo\n\n")
				.contains(marker(first.commandId()), marker(second.commandId()), marker(tags.commandId())));
		assertThat(this.core.helpdesk.ticket(TICKET).tags()).containsExactly("linked");
		assertThat(List.of(first, second, tags)).allSatisfy((command) -> {
			assertThat(this.core.pending.stateOf(command.commandId())).isEqualTo("applied");
			assertThat(this.core.pending.appliedTo(command.commandId())).isEqualTo(TICKET);
		});
		assertThat(this.core.history.isOwnWrite(TICKET, this.core.helpdesk.ticket(TICKET).stamp())).isTrue();
	}

	@Test
	void waitsTheSettleTimeSoThatCommandsPublishedTogetherAreWrittenInTheOrderTheyWereCaused() {
		InMemoryTicketCore settling = new InMemoryTicketCore(new CommandProperties(Duration.ofSeconds(1), 200, 30,
				Duration.ofMinutes(10), Duration.ofSeconds(30), 3, Duration.ofMinutes(1), Duration.ofMillis(500)));
		settling.helpdesk.ticket(TICKET, "open");
		AddInternalNote closed = note(1, "closed");
		AddInternalNote reopened = note(2, "reopened");
		// one instance took the later note off the bus, the other takes the earlier one a
		// few milliseconds later, after a drain cycle started
		settling.receive(reopened);
		settling.clock.advance(Duration.ofMillis(5));

		assertThat(settling.drain.due()).isEmpty();
		assertThat(settling.drain(TICKET)).isEqualTo(DrainReport.NOTHING);

		settling.receive(closed);
		settling.clock.advance(Duration.ofMillis(500));

		assertThat(settling.drain.due()).containsExactly(TICKET);
		settling.drain(TICKET);
		assertThat(settling.helpdesk.ticket(TICKET).comments()).singleElement()
			.satisfies((comment) -> assertThat(comment.body()).startsWith("closed\n\nreopened"));
	}

	@Test
	void neverMixesPublicAndInternalNotesInOneComment() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.receive(note(1, "internal"), reply(2, "public"), note(3, "internal again"));

		DrainReport report = this.core.drain(TICKET);

		assertThat(report.updates()).isEqualTo(2);
		assertThat(comments()).extracting(Comment::publicComment).containsExactly(false, true);
		assertThat(comments().get(0).body()).startsWith("internal\n\ninternal again");
	}

	@Test
	void writesARedeliveredCommandOnce() {
		this.core.helpdesk.ticket(TICKET, "open");
		AddInternalNote note = note(1, "once");
		this.core.receive(note, note);
		this.core.drain(TICKET);

		assertThat(this.core.intake.accept(note)).isEqualTo(Intake.DUPLICATE);
		assertThat(this.core.drain(TICKET)).isEqualTo(DrainReport.NOTHING);
		assertThat(comments()).hasSize(1);
		assertThat(this.core.pending.all()).hasSize(1);
	}

	@Test
	void parksTheTicketWhenItsUpdateWindowIsFullAndWritesTheRestOnceItPassed() {
		InMemoryTicketCore oneUpdate = new InMemoryTicketCore(new CommandProperties(Duration.ofSeconds(1), 200, 1,
				Duration.ofMinutes(10), Duration.ofSeconds(30), 3, Duration.ofMinutes(1), Duration.ZERO));
		oneUpdate.helpdesk.ticket(TICKET, "open");
		AddPublicReply reply = reply(2, "public");
		oneUpdate.receive(note(1, "internal"), reply);

		oneUpdate.drain(TICKET);

		assertThat(oneUpdate.helpdesk.ticket(TICKET).comments()).hasSize(1);
		assertThat(oneUpdate.history.notBefore(TICKET)).isEqualTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(oneUpdate.pending.stateOf(reply.commandId())).isEqualTo("pending");
		oneUpdate.waitUntilDue(TICKET);
		oneUpdate.drain(TICKET);
		assertThat(oneUpdate.helpdesk.ticket(TICKET).comments()).hasSize(2);
		assertThat(oneUpdate.pending.stateOf(reply.commandId())).isEqualTo("applied");
	}

	@Test
	void parksTheTicketUntilRetryAfterWhenTheHelpdeskIsRateLimited() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.helpdesk.failNext(Operation.UPDATE, new HelpdeskFailure.RateLimited(Duration.ofMinutes(2)));
		AddInternalNote note = note(1, "later");
		this.core.receive(note);

		DrainReport report = this.core.drain(TICKET);

		assertThat(report.failure()).isInstanceOf(HelpdeskFailure.RateLimited.class);
		assertThat(this.core.history.notBefore(TICKET)).isEqualTo(T0.plus(Duration.ofMinutes(2)));
		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("pending");
		assertThat(this.core.pending.ticketsDue(this.core.clock.instant(), this.core.clock.instant(), 10)).isEmpty();
		this.core.waitUntilDue(TICKET);
		this.core.drain(TICKET);
		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("applied");
		assertThat(comments()).hasSize(1);
	}

	@Test
	void waitsForTheAccountsRequestBudgetWithoutAskingTheHelpdesk() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.budget.exhaustedFor(Duration.ofSeconds(20));
		AddInternalNote note = note(1, "budget");
		this.core.receive(note);

		DrainReport report = this.core.drain(TICKET);

		assertThat(report).isEqualTo(DrainReport.NOTHING);
		assertThat(this.core.helpdesk.requests()).isEmpty();
		assertThat(this.core.history.notBefore(TICKET)).isEqualTo(T0.plusSeconds(20));
		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("pending");
	}

	@Test
	void reReadsTheTicketAndWritesAgainWhenItChangedSinceItWasRead() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.helpdesk.failNext(Operation.UPDATE, new HelpdeskFailure.Conflict(TICKET));
		AddInternalNote note = note(1, "after a conflict");
		this.core.receive(note);

		DrainReport report = this.core.drain(TICKET);

		assertThat(report.failure()).isNull();
		assertThat(report.applied()).isEqualTo(1);
		assertThat(comments()).hasSize(1);
		assertThat(this.core.helpdesk.requests()).containsExactly("READ 4711", "UPDATE 4711", "COMMENTS 4711",
				"READ 4711", "UPDATE 4711");
	}

	@Test
	void takesAConflictedUpdateAsAppliedWhenItsMarkersAreOnTheTicket() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.helpdesk.applyThenFail(Operation.UPDATE, new HelpdeskFailure.Conflict(TICKET));
		AddInternalNote note = note(1, "written by the attempt whose answer was lost");
		this.core.receive(note);

		DrainReport report = this.core.drain(TICKET);

		assertThat(report.applied()).isEqualTo(1);
		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("applied");
		assertThat(comments()).hasSize(1);
		assertThat(this.core.helpdesk.count(Operation.UPDATE)).isEqualTo(1);
	}

	@Test
	void triesLaterAfterThreeConflictsInARow() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.helpdesk.failNext(Operation.UPDATE, new HelpdeskFailure.Conflict(TICKET), 3);
		this.core.receive(note(1, "busy ticket"));

		DrainReport report = this.core.drain(TICKET);

		assertThat(report.failure()).isInstanceOf(HelpdeskFailure.Conflict.class);
		assertThat(this.core.history.failedAttempts(TICKET)).isEqualTo(1);
		assertThat(this.core.history.notBefore(TICKET)).isEqualTo(T0.plusSeconds(30));
		assertThat(comments()).isEmpty();
	}

	@Test
	void settlesAnUpdateWhoseAnswerWasLostFromItsMarkersInsteadOfWritingItTwice() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.helpdesk.applyThenFail(Operation.UPDATE, TIMEOUT);
		AddInternalNote note = note(1, "answer lost");
		this.core.receive(note);

		DrainReport first = this.core.drain(TICKET);
		assertThat(first.failure()).isEqualTo(TIMEOUT);
		assertThat(this.core.pending.sentBefore(TICKET)).containsExactly(note.commandId());
		this.core.waitUntilDue(TICKET);
		DrainReport second = this.core.drain(TICKET);

		assertThat(second.applied()).isEqualTo(1);
		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("applied");
		assertThat(this.core.pending.foundOnTicket(note.commandId())).isTrue();
		assertThat(this.core.pending.failures(note.commandId())).isEqualTo(1);
		assertThat(comments()).hasSize(1);
		assertThat(this.core.helpdesk.count(Operation.UPDATE)).isEqualTo(1);
	}

	@Test
	void sendsAgainAnUpdateThatNeverReachedTheHelpdesk() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.helpdesk.failNext(Operation.UPDATE, TIMEOUT);
		AddInternalNote note = note(1, "not written the first time");
		this.core.receive(note);

		this.core.drain(TICKET);
		this.core.waitUntilDue(TICKET);
		this.core.drain(TICKET);

		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("applied");
		assertThat(this.core.pending.foundOnTicket(note.commandId())).isFalse();
		assertThat(this.core.pending.failures(note.commandId())).isEqualTo(1);
		assertThat(comments()).singleElement()
			.satisfies((comment) -> assertThat(comment.body()).contains(marker(note.commandId())));
		assertThat(this.core.helpdesk.count(Operation.UPDATE)).isEqualTo(2);
	}

	@Test
	void sendsNothingWhileTheCommentsThatWouldShowTheMarkersCannotBeRead() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.helpdesk.applyThenFail(Operation.UPDATE, TIMEOUT);
		AddInternalNote note = note(1, "unsure");
		this.core.receive(note);
		this.core.drain(TICKET);
		this.core.waitUntilDue(TICKET);
		this.core.helpdesk.failNext(Operation.COMMENTS, TIMEOUT);

		DrainReport unread = this.core.drain(TICKET);
		this.core.waitUntilDue(TICKET);
		this.core.drain(TICKET);

		assertThat(unread.failure()).isEqualTo(TIMEOUT);
		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("applied");
		assertThat(comments()).hasSize(1);
		assertThat(this.core.helpdesk.count(Operation.UPDATE)).isEqualTo(1);
	}

	@Test
	void findsTheCommentOfADrainThatCrashedBeforeItsCommit() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.history.failRecordWrites(1);
		AddInternalNote note = note(1, "written, then the database went away");
		this.core.receive(note);

		assertThatIllegalStateException().isThrownBy(() -> this.core.drain(TICKET));
		// the drain cycle counts the crash as a failed attempt, in a transaction of its
		// own
		this.core.drain.unexpected(TICKET, new IllegalStateException("crash"));
		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("pending");
		this.core.waitUntilDue(TICKET);
		this.core.drain(TICKET);

		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("applied");
		assertThat(comments()).hasSize(1);
		assertThat(this.core.helpdesk.count(Operation.UPDATE)).isEqualTo(1);
	}

	@Test
	void writesToAFollowUpOfAClosedTicketAndAnnouncesIt() {
		this.core.helpdesk.ticket(TICKET, "closed");
		AddInternalNote first = note(1, "on a closed ticket");
		this.core.receive(first);

		this.core.drain(TICKET);
		AddInternalNote later = note(2, "goes to the follow-up");
		this.core.receive(later);
		this.core.drain(TICKET);

		InMemoryHelpdesk.Ticket followUp = this.core.helpdesk.created().get(0);
		assertThat(this.core.helpdesk.created()).hasSize(1);
		assertThat(followUp.followUpOf()).isEqualTo(TICKET);
		assertThat(followUp.comments()).extracting(Comment::body)
			.satisfiesExactly((body) -> assertThat(body).contains(marker(first.commandId())),
					(body) -> assertThat(body).contains(marker(later.commandId())));
		assertThat(this.core.helpdesk.ticket(TICKET).comments()).isEmpty();
		assertThat(this.core.pending.appliedTo(later.commandId())).isEqualTo(followUp.id());
		assertThat(this.core.messages.events).singleElement()
			.isEqualTo(new TicketFollowedUp(1, ((TicketFollowedUp) this.core.messages.events.get(0)).eventId(),
					"followup-" + TICKET, TICKET, T0, followUp.id()));
		assertThat(this.core.history.unannouncedFollowUps()).isEmpty();
	}

	@Test
	void announcesAFollowUpAgainUntilThePublishIsConfirmed() {
		this.core.helpdesk.ticket(TICKET, "closed");
		this.core.messages.refusePublishes(1);
		this.core.receive(note(1, "on a closed ticket"));

		this.core.drain(TICKET);
		assertThat(this.core.messages.events).isEmpty();
		assertThat(this.core.history.unannouncedFollowUps()).containsExactly(TICKET);
		this.core.drain(TICKET);

		assertThat(this.core.messages.events).singleElement().isInstanceOf(TicketFollowedUp.class);
		assertThat(this.core.history.unannouncedFollowUps()).isEmpty();
		assertThat(this.core.helpdesk.created()).hasSize(1);
	}

	@Test
	void createsOneFollowUpWhenTheAnswerToItsCreationWasLost() {
		this.core.helpdesk.ticket(TICKET, "closed");
		this.core.helpdesk.applyThenFail(Operation.FOLLOW_UP, TIMEOUT);
		AddInternalNote note = note(1, "on a closed ticket");
		this.core.receive(note);

		this.core.drain(TICKET);
		this.core.waitUntilDue(TICKET);
		this.core.drain(TICKET);

		assertThat(this.core.helpdesk.created()).singleElement()
			.satisfies((followUp) -> assertThat(followUp.comments()).hasSize(1));
		assertThat(this.core.pending.appliedTo(note.commandId())).isEqualTo(this.core.helpdesk.created().get(0).id());
	}

	@Test
	void deadLettersTheCommandsAfterMaxFailuresOfAnUnavailableHelpdesk() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.helpdesk.failNext(Operation.READ, TIMEOUT, 3);
		AddInternalNote note = note(1, "never written");
		this.core.receive(note);

		DrainReport first = this.core.drain(TICKET);
		assertThat(this.core.history.notBefore(TICKET)).isEqualTo(T0.plusSeconds(30));
		this.core.waitUntilDue(TICKET);
		this.core.drain(TICKET);
		assertThat(this.core.history.notBefore(TICKET)).isEqualTo(T0.plusSeconds(30 + 60));
		this.core.waitUntilDue(TICKET);
		DrainReport last = this.core.drain(TICKET);

		assertThat(first.deadLettered()).isZero();
		assertThat(last.deadLettered()).isEqualTo(1);
		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("dead-lettered");
		assertThat(this.core.pending.failures(note.commandId())).isEqualTo(3);
		assertThat(this.core.messages.deadLettered).containsEntry(note, TIMEOUT.describe());
		assertThat(this.core.history.failedAttempts(TICKET)).isZero();
		assertThat(comments()).isEmpty();
	}

	@Test
	void deadLettersAtOnceTheCommandsOfATicketTheHelpdeskDoesNotHave() {
		AddInternalNote note = note(1, "for a deleted ticket");
		this.core.receive(note);

		DrainReport report = this.core.drain(TICKET);

		assertThat(report.deadLettered()).isEqualTo(1);
		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("dead-lettered");
		assertThat(this.core.pending.reason(note.commandId())).isEqualTo("ticket 4711 not found");
		assertThat(this.core.pending.failures(note.commandId())).isZero();
	}

	@Test
	void deadLettersTheCommandsOfAnUpdateTheHelpdeskRejects() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.helpdesk.failNext(Operation.UPDATE, new HelpdeskFailure.Rejected(422, "invalid field"));
		AddInternalNote note = note(1, "rejected");
		this.core.receive(note);

		DrainReport report = this.core.drain(TICKET);

		assertThat(report.deadLettered()).isEqualTo(1);
		assertThat(this.core.messages.deadLettered).containsKey(note);
	}

	@Test
	void keepsTheCommandsAndStopsWritingWhenTheHelpdeskRefusesTheCredentials() {
		this.core.helpdesk.ticket(TICKET, "open");
		this.core.helpdesk.failNext(Operation.READ, new HelpdeskFailure.Unauthorized(401));
		AddInternalNote note = note(1, "waits for credentials");
		this.core.receive(note);

		this.core.drain(TICKET);

		assertThat(this.core.access.refusal()).isEqualTo(new HelpdeskAccess.Refusal(401, T0));
		assertThat(this.core.access.mayTry()).isFalse();
		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("pending");
		assertThat(this.core.messages.deadLettered).isEmpty();
		this.core.clock.advance(Duration.ofMinutes(1));
		this.core.drain(TICKET);
		assertThat(this.core.access.refusal()).isNull();
		assertThat(this.core.pending.stateOf(note.commandId())).isEqualTo("applied");
	}

	@Test
	void dropsAReopenCausedBeforeTheTicketsLastStatusChangeBySomeoneElseWithANote() {
		this.core.helpdesk.ticket(TICKET, "solved");
		this.core.history.statusChangedBySomeoneElse(TICKET, T0.plusSeconds(10));
		Reopen reopen = Reopen.of(UUID.randomUUID(), "corr", TICKET, T0.plusSeconds(5));
		this.core.receive(reopen);

		DrainReport report = this.core.drain(TICKET);

		assertThat(report.dropped()).isEqualTo(1);
		assertThat(this.core.pending.stateOf(reopen.commandId())).isEqualTo("dropped");
		assertThat(this.core.helpdesk.ticket(TICKET).status()).isEqualTo("solved");
		assertThat(comments()).singleElement()
			.satisfies((comment) -> assertThat(comment.body()).startsWith("Switchboard did not reopen this ticket")
				.contains(marker(reopen.commandId())));
	}

	@Test
	void reopensATicketWhenTheReopenIsTheLatestWord() {
		this.core.helpdesk.ticket(TICKET, "solved");
		this.core.history.statusChangedBySomeoneElse(TICKET, T0.plusSeconds(10));
		this.core.receive(Reopen.of(UUID.randomUUID(), "corr", TICKET, T0.plusSeconds(20)));

		this.core.drain(TICKET);

		assertThat(this.core.helpdesk.ticket(TICKET).status()).isEqualTo("open");
	}

	private List<Comment> comments() {
		return this.core.helpdesk.ticket(TICKET).comments();
	}

	private static AddInternalNote note(int second, String body) {
		return AddInternalNote.of(UUID.randomUUID(), "corr", TICKET, T0.plusSeconds(second), body);
	}

	private static AddPublicReply reply(int second, String body) {
		return AddPublicReply.of(UUID.randomUUID(), "corr", TICKET, T0.plusSeconds(second), body);
	}

}
