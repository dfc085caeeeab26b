package dev.switchboard.crmbridge.call;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.crmbridge.ticket.HelpdeskException;
import dev.switchboard.crmbridge.ticket.HelpdeskFailure;
import dev.switchboard.crmbridge.ticket.InMemoryHelpdesk;
import dev.switchboard.crmbridge.ticket.InMemoryHelpdesk.Operation;
import dev.switchboard.crmbridge.ticket.InMemoryPendingCommands;
import dev.switchboard.crmbridge.ticket.InMemoryRequestBudget;
import dev.switchboard.crmbridge.ticket.InMemoryTicketHistory;
import dev.switchboard.crmbridge.ticket.TestClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The decisions of {@link CallNotes} (with {@link CallerTickets}) against in-memory fakes
 * of the helpdesk and the command queue: the call's own ticket, the caller's recent
 * ticket, a new ticket for a known or a new caller, withheld callers, several contacts
 * with one number, missed calls, late recordings, voicemails and transcriptions, each
 * noted once.
 */
class CallNotesTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	private static final String CALLER = "+14155550123";

	private static final String SUPPORT_LINE = "+18005551212";

	private final TestClock clock = new TestClock(T0.plusSeconds(120));

	private final InMemoryTicketHistory history = new InMemoryTicketHistory();

	private final InMemoryPendingCommands commands = new InMemoryPendingCommands(this.history);

	private final InMemoryHelpdesk helpdesk = new InMemoryHelpdesk(this.clock);

	private final RecordedCallMetrics metrics = new RecordedCallMetrics();

	private final InMemoryRequestBudget budget = new InMemoryRequestBudget();

	private CallNotes notes = notes(CallProperties.MultipleMatches.MOST_RECENT_TICKET,
			CallProperties.WithheldCallers.NEW_TICKET);

	@Test
	void queuesTheEndNoteForTheCallsOwnTicket() {
		CallLog noted = this.notes.writeEndNote(call("CA1", "completed", CALLER, "4711"));

		assertThat(noted.endNoteWritten()).isTrue();
		assertThat(noted.ticketId()).isEqualTo("4711");
		assertThat(queued()).singleElement().satisfies((note) -> {
			assertThat(note.ticketId()).isEqualTo("4711");
			assertThat(note.commandId()).isEqualTo(derived("call-end:CA1"));
			assertThat(note.body()).startsWith("Inbound call (completed)\nFrom: +1 415-555-0123\nTo: +1 800-555-1212")
				.contains("Wait before answer: 5 s", "Duration: 60 s")
				.endsWith("Call: CA1");
		});
		assertThat(this.helpdesk.requests()).isEmpty();
		assertThat(this.metrics.counted).containsExactly("ended completed wait 5");
	}

	@Test
	void writesTheStartOfACallBackToTheSecond() {
		CallLog started = call("CA9", "completed", CALLER, "4711");
		// a call placed by click-to-call starts at the time crm-bridge asked Twilio for
		// it
		CallLog placed = new CallLog("CA9", "outbound-api", "completed", SUPPORT_LINE, CALLER, null, "4711",
				T0.plusNanos(408_968_000), started.ringingAt(), started.answeredAt(), started.endedAt(), 60, null, 2, 3,
				false, false, "corr-CA9", CallLog.Voicemail.NONE);

		this.notes.writeEndNote(placed);

		assertThat(queued()).singleElement()
			.satisfies((note) -> assertThat(note.body()).contains("\nStarted: 2026-11-23T10:00:00Z\n"));
	}

	@Test
	void queuesTheEndNoteOnceWhenTheCallIsNotedAgain() {
		CallLog call = call("CA1", "completed", CALLER, "4711");

		this.notes.writeEndNote(call);
		this.notes.writeEndNote(call);

		assertThat(queued()).hasSize(1);
	}

	@Test
	void leavesTheCallerLookupForLaterWhileTheHelpdeskBudgetIsSpent() {
		this.helpdesk.user("7", "Ada", "+1 (415) 555-0123");
		this.helpdesk.ticket("100", "open").requestedBy("7").lastUpdatedAt(T0.minus(Duration.ofMinutes(10)));
		this.budget.exhaustedFor(Duration.ofSeconds(20));
		CallLog ended = call("CA2", "completed", CALLER, null);

		CallLog waiting = this.notes.writeEndNote(ended);

		assertThat(waiting).isEqualTo(ended);
		assertThat(this.helpdesk.requests()).isEmpty();
		assertThat(queued()).isEmpty();

		this.budget.refilled();
		CallLog noted = this.notes.writeEndNote(waiting);

		assertThat(noted.endNoteWritten()).isTrue();
		assertThat(noted.ticketId()).isEqualTo("100");
		assertThat(queued()).singleElement().satisfies((note) -> assertThat(note.ticketId()).isEqualTo("100"));
	}

	@Test
	void queuesTheEndNoteForTheCallsOwnTicketEvenWhileTheHelpdeskBudgetIsSpent() {
		this.budget.exhaustedFor(Duration.ofSeconds(20));

		CallLog noted = this.notes.writeEndNote(call("CA1", "completed", CALLER, "4711"));

		assertThat(noted.endNoteWritten()).isTrue();
		assertThat(queued()).hasSize(1);
		assertThat(this.helpdesk.requests()).isEmpty();
	}

	@Test
	void logsTheCallOnTheCallersUnsolvedTicketUpdatedWithinTheReuseWindow() {
		this.helpdesk.user("7", "Ada", "+1 (415) 555-0123");
		this.helpdesk.ticket("100", "open").requestedBy("7").lastUpdatedAt(T0.minus(Duration.ofMinutes(10)));
		this.helpdesk.ticket("101", "solved").requestedBy("7").lastUpdatedAt(T0.minus(Duration.ofMinutes(1)));
		this.helpdesk.ticket("102", "pending").requestedBy("7").lastUpdatedAt(T0.minus(Duration.ofHours(2)));

		CallLog noted = this.notes.writeEndNote(call("CA2", "completed", CALLER, null));

		assertThat(noted.ticketId()).isEqualTo("100");
		assertThat(queued()).singleElement().satisfies((note) -> assertThat(note.ticketId()).isEqualTo("100"));
		assertThat(this.helpdesk.created()).isEmpty();
		assertThat(this.metrics.counted).contains("lookup one");
	}

	@Test
	void createsATicketRequestedByTheCallerWhenTheyHaveNoRecentOne() {
		this.helpdesk.user("7", "Ada", CALLER);
		this.helpdesk.ticket("102", "open").requestedBy("7").lastUpdatedAt(T0.minus(Duration.ofHours(2)));

		CallLog noted = this.notes.writeEndNote(call("CA3", "completed", CALLER, null));

		InMemoryHelpdesk.Ticket created = this.helpdesk.created().get(0);
		assertThat(noted.ticketId()).isEqualTo(created.id());
		assertThat(created.subject()).isEqualTo("Call from +1 415-555-0123");
		assertThat(created.requesterId()).isEqualTo("7");
		assertThat(created.comments()).singleElement()
			.satisfies((comment) -> assertThat(comment.publicComment()).isFalse());
		assertThat(this.history.isOwnWrite(created.id(), created.stamp())).isTrue();
		assertThat(queued()).isEmpty();
	}

	@Test
	void createsAnEndUserForACallerTheHelpdeskDoesNotKnow() {
		CallLog noted = this.notes.writeEndNote(call("CA4", "completed", CALLER, null));

		InMemoryHelpdesk.Ticket created = this.helpdesk.created().get(0);
		assertThat(noted.ticketId()).isEqualTo(created.id());
		assertThat(this.helpdesk.count(Operation.CREATE_USER)).isEqualTo(1);
		String requesterId = Objects.requireNonNull(created.requesterId(), "the new ticket names its requester");
		assertThat(this.helpdesk.user(requesterId).phone()).isEqualTo(CALLER);
		assertThat(this.metrics.counted).contains("lookup none");
	}

	@Test
	void titlesAMissedCallAndGivesANumberToCallBack() {
		this.notes.writeEndNote(missed("CA5", CALLER));

		InMemoryHelpdesk.Ticket created = this.helpdesk.created().get(0);
		assertThat(created.subject()).isEqualTo("Missed call from +1 415-555-0123");
		assertThat(created.comments().get(0).body())
			.startsWith("Missed call from +1 415-555-0123 (no-answer).\nCall back: tel:+14155550123");
		assertThat(this.metrics.counted).contains("ended no-answer missed wait null");
	}

	@Test
	void createsATicketWithoutRequesterForAWithheldCaller() {
		CallLog noted = this.notes.writeEndNote(call("CA6", "completed", "anonymous", null));

		InMemoryHelpdesk.Ticket created = this.helpdesk.created().get(0);
		assertThat(noted.ticketId()).isEqualTo(created.id());
		assertThat(created.subject()).isEqualTo("Call from a withheld number");
		assertThat(created.requesterId()).isNull();
		assertThat(created.comments().get(0).body()).contains("From: withheld");
		assertThat(this.helpdesk.count(Operation.SEARCH)).isZero();
		assertThat(this.metrics.counted).contains("lookup anonymous");
	}

	@Test
	void keepsAWithheldCallOutOfTheHelpdeskWhenConfiguredSo() {
		this.notes = notes(CallProperties.MultipleMatches.MOST_RECENT_TICKET,
				CallProperties.WithheldCallers.CALL_LOG_ONLY);

		CallLog noted = this.notes.writeEndNote(call("CA7", "completed", "anonymous", null));

		assertThat(noted.endNoteWritten()).isTrue();
		assertThat(noted.ticketId()).isNull();
		assertThat(this.helpdesk.requests()).isEmpty();
		assertThat(queued()).isEmpty();
	}

	@Test
	void logsOnTheMostRecentlyUpdatedTicketWhenSeveralContactsHaveTheNumber() {
		this.helpdesk.user("7", "Ada", CALLER);
		this.helpdesk.user("8", "Grace", "415-555-0123");
		this.helpdesk.ticket("100", "open").requestedBy("7").lastUpdatedAt(T0.minus(Duration.ofMinutes(20)));
		this.helpdesk.ticket("200", "hold").requestedBy("8").lastUpdatedAt(T0.minus(Duration.ofMinutes(5)));

		CallLog noted = this.notes.writeEndNote(call("CA8", "completed", CALLER, null));

		assertThat(noted.ticketId()).isEqualTo("200");
		assertThat(queued().get(0).body()).doesNotContain("Several contacts");
		assertThat(this.metrics.counted).contains("lookup several");
	}

	@Test
	void listsTheCandidatesOnANewTicketWhenConfiguredForSeveralContacts() {
		this.notes = notes(CallProperties.MultipleMatches.NEW_TICKET_LISTING_CANDIDATES,
				CallProperties.WithheldCallers.NEW_TICKET);
		this.helpdesk.user("7", "Ada", CALLER);
		this.helpdesk.user("8", "Grace", CALLER);
		this.helpdesk.ticket("100", "open").requestedBy("7").lastUpdatedAt(T0.minus(Duration.ofMinutes(5)));

		this.notes.writeEndNote(call("CA9", "completed", CALLER, null));

		InMemoryHelpdesk.Ticket created = this.helpdesk.created().get(0);
		assertThat(created.requesterId()).isEqualTo("7");
		assertThat(created.comments().get(0).body())
			.endsWith("Several contacts have this number:\n- Ada (user 7)\n- Grace (user 8)");
	}

	@Test
	void createsOneTicketWhenTheAnswerToItsCreationWasLost() {
		this.helpdesk.applyThenFail(Operation.CREATE_TICKET, new HelpdeskFailure.Unavailable("read timed out"));
		CallLog call = call("CA10", "completed", CALLER, null);

		assertThatExceptionOfType(HelpdeskException.class).isThrownBy(() -> this.notes.writeEndNote(call));
		CallLog noted = this.notes.writeEndNote(call);

		assertThat(this.helpdesk.created()).singleElement()
			.satisfies((ticket) -> assertThat(ticket.id()).isEqualTo(noted.ticketId()));
	}

	@Test
	void leavesNothingBehindWhenTheHelpdeskCannotLookUpTheCallerYet() {
		this.helpdesk.failNext(Operation.SEARCH, new HelpdeskFailure.RateLimited(Duration.ofSeconds(30)));

		assertThatExceptionOfType(HelpdeskException.class)
			.isThrownBy(() -> this.notes.writeEndNote(call("CA11", "completed", CALLER, null)));
		assertThat(queued()).isEmpty();
		assertThat(this.helpdesk.created()).isEmpty();
	}

	@Test
	void carriesWhatIsKnownOfTheRecordingAndVoicemailInTheEndNote() {
		CallLog call = with(missed("CA12", CALLER), "4711", "https://api.twilio.com/rec/RE1",
				new CallLog.Voicemail("https://api.twilio.com/rec/RE2", 14, null, false, false));

		CallLog noted = this.notes.writeEndNote(call);

		assertThat(queued().get(0).body()).contains("Recording: https://api.twilio.com/rec/RE1",
				"Voicemail (14 s): https://api.twilio.com/rec/RE2");
		assertThat(noted.recordingNoted()).isTrue();
		assertThat(noted.voicemail().noted()).isTrue();
		assertThat(this.notes.writeLateNotes(noted)).isEqualTo(noted);
		assertThat(queued()).hasSize(1);
	}

	@Test
	void addsOneNoteForEachOfALateRecordingVoicemailAndTranscription() {
		CallLog ended = this.notes.writeEndNote(call("CA13", "completed", CALLER, "4711"));

		CallLog recorded = this.notes.writeLateNotes(with(ended, "4711", "https://api.twilio.com/rec/RE1", null));
		CallLog voicemail = this.notes.writeLateNotes(with(recorded, "4711", "https://api.twilio.com/rec/RE1",
				new CallLog.Voicemail("https://api.twilio.com/rec/RE2", 9, null, false, false)));
		CallLog transcribed = this.notes.writeLateNotes(with(voicemail, "4711", "https://api.twilio.com/rec/RE1",
				new CallLog.Voicemail("https://api.twilio.com/rec/RE2", 9, "Please call me back", true, false)));
		this.notes.writeLateNotes(transcribed);

		assertThat(queued()).extracting(AddInternalNote::commandId)
			.containsExactly(derived("call-end:CA13"), derived("call-recording:CA13"), derived("call-voicemail:CA13"),
					derived("call-transcription:CA13"));
		assertThat(queued().get(1).body()).isEqualTo("Recording of the call CA13: https://api.twilio.com/rec/RE1");
		assertThat(queued().get(2).body()).startsWith("Voicemail from +1 415-555-0123\nVoicemail (9 s):");
		assertThat(queued().get(3).body()).isEqualTo("Voicemail transcription (call CA13):\nPlease call me back");
		assertThat(transcribed.voicemail().transcriptionNoted()).isTrue();
	}

	private CallNotes notes(CallProperties.MultipleMatches multipleMatches,
			CallProperties.WithheldCallers withheldCallers) {
		CallProperties properties = new CallProperties("US", multipleMatches, Duration.ofMinutes(30),
				Duration.ofDays(180), Duration.ofSeconds(10), URI.create("http://localhost:8080"), withheldCallers,
				null);
		PhoneNumbers numbers = new NorthAmericanNumbers();
		CallerTickets callers = new CallerTickets(this.helpdesk, numbers, properties, this.metrics);
		return new CallNotes(callers, this.helpdesk, this.commands, this.history, numbers, this.metrics, this.budget,
				properties, this.clock);
	}

	private List<AddInternalNote> queued() {
		List<TicketCommand> all = this.commands.all();
		return all.stream().map(AddInternalNote.class::cast).toList();
	}

	private static UUID derived(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

	/** An inbound call, answered after 5 s and ended after a minute. */
	private static CallLog call(String callSid, String status, String from, @Nullable String ticketId) {
		return new CallLog(callSid, "inbound", status, from, SUPPORT_LINE, null, ticketId, T0, T0.plusSeconds(1),
				T0.plusSeconds(6), T0.plusSeconds(66), 60, null, 2, 3, false, false, "corr-" + callSid,
				CallLog.Voicemail.NONE);
	}

	/** An inbound call nobody answered. */
	private static CallLog missed(String callSid, String from) {
		return new CallLog(callSid, "inbound", "no-answer", from, SUPPORT_LINE, null, null, T0, T0.plusSeconds(1), null,
				T0.plusSeconds(31), 0, null, 2, 3, false, false, "corr-" + callSid, CallLog.Voicemail.NONE);
	}

	private static CallLog with(CallLog log, String ticketId, @Nullable String recordingUrl,
			CallLog.@Nullable Voicemail voicemail) {
		return new CallLog(log.callSid(), log.direction(), log.status(), log.fromNumber(), log.toNumber(),
				log.agentNumber(), ticketId, log.startedAt(), log.ringingAt(), log.answeredAt(), log.endedAt(),
				log.durationSeconds(), recordingUrl, log.maxSequence(), log.seenSequences(), log.endNoteWritten(),
				log.recordingNoted(), log.correlationId(), (voicemail != null) ? voicemail : log.voicemail());
	}

}
