package dev.switchboard.remotesession.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.AddPublicReply;
import dev.switchboard.contracts.SessionCreated;
import dev.switchboard.contracts.SessionEnded;
import org.junit.jupiter.api.Test;

/**
 * The start decisions of {@link SessionStarter} against in-memory fakes of its ports:
 * started, found, refused, parked and retried, released, closed when ended meanwhile.
 */
class SessionStarterTests {

	private final InMemorySessionCore core = new InMemorySessionCore();

	@Test
	void createsTheSessionAtTheVendorAndSendsTheInvitationsOnce() {
		SessionStarter.Started started = this.core.starter.start(this.core.apiStart("4711", "ada@example.com"), null);

		assertThat(started.result()).isEqualTo(SessionStarter.Result.CREATED);
		assertThat(started.session().state()).isEqualTo(SessionState.INVITED);
		assertThat(started.session().providerSessionId()).isEqualTo("s4711");
		assertThat(this.core.messages.commands).hasSize(2);
		assertThat(this.core.messages.commands.get(0)).isInstanceOf(AddInternalNote.class);
		assertThat(((AddInternalNote) this.core.messages.commands.get(0)).body())
			.contains("Technician link: https://vendor.example/agent/4711");
		assertThat(((AddPublicReply) this.core.messages.commands.get(1)).body())
			.contains("https://vendor.example/join/4711")
			.doesNotContain("/agent/");
		assertThat(this.core.messages.events).singleElement().isInstanceOf(SessionCreated.class);
		assertThat(this.core.counters.counted).contains("started teamviewer api started");
	}

	@Test
	void returnsTheLiveSessionWhenTheSameAgentStartsAgainOnTheSameTicket() {
		Session first = this.core.starter.start(this.core.apiStart("4711", "ada@example.com"), null).session();

		SessionStarter.Started again = this.core.starter.start(this.core.apiStart("4711", " ADA@example.com "), null);

		assertThat(again.result()).isEqualTo(SessionStarter.Result.FOUND);
		assertThat(again.session().id()).isEqualTo(first.id());
		assertThat(this.core.teamviewer.created).hasSize(1);
		assertThat(this.core.messages.commands).hasSize(2);
		assertThat(this.core.counters.counted).contains("started teamviewer api existing");
	}

	@Test
	void startsASecondSessionForAnotherAgentOrOnceTheFirstIsOver() {
		Session first = this.core.starter.start(this.core.apiStart("4711", "ada@example.com"), null).session();
		this.core.starter.start(this.core.apiStart("4711", "grace@example.com"), null);
		this.core.timeline.endByAgent(first.id());

		SessionStarter.Started again = this.core.starter.start(this.core.apiStart("4711", "ada@example.com"), null);

		assertThat(again.result()).isEqualTo(SessionStarter.Result.CREATED);
		assertThat(this.core.teamviewer.created).hasSize(3);
	}

	@Test
	void aRedeliveredNoteFindsItsSessionInsteadOfStartingAnother() {
		UUID sessionId = UUID.randomUUID();
		UUID noteEventId = UUID.randomUUID();
		this.core.starter.start(this.core.noteStart("4711", "ada@example.com", sessionId), noteEventId);

		SessionStarter.Started again = this.core.starter
			.start(this.core.noteStart("4711", "ada@example.com", sessionId), noteEventId);

		assertThat(again.result()).isEqualTo(SessionStarter.Result.FOUND);
		assertThat(again.session().id()).isEqualTo(sessionId);
		assertThat(this.core.teamviewer.created).hasSize(1);
	}

	@Test
	void failsANoteStartTheVendorRefusesAndTellsTheTicketWhatToFix() {
		this.core.teamviewer.failsWith(new VendorFailure.Refused(ProviderName.TEAMVIEWER, 401, "invalid token"));

		SessionStarter.Started started = this.core.starter
			.start(this.core.noteStart("4711", "ada@example.com", UUID.randomUUID()), UUID.randomUUID());

		assertThat(started.result()).isEqualTo(SessionStarter.Result.FAILED);
		assertThat(started.session().state()).isEqualTo(SessionState.FAILED);
		assertThat(this.core.messages.internalNotes()).singleElement()
			.asString()
			.contains("TeamViewer refused to create the session: invalid token")
			.contains("renew the TeamViewer token")
			.contains("write /remote again");
		assertThat(this.core.messages.events).singleElement().isInstanceOf(SessionEnded.class);
		assertThat(this.core.counters.counted).contains("vendor-failed teamviewer refused",
				"started teamviewer note failed");
	}

	@Test
	void failsAnApiStartTheVendorRefusesAndAnswersTheCallerWithTheRefusal() {
		this.core.teamviewer.failsWith(new VendorFailure.Refused(ProviderName.TEAMVIEWER, 403, "missing permission"));
		StartRequest request = this.core.apiStart("4711", "ada@example.com");

		assertThatExceptionOfType(VendorException.class).isThrownBy(() -> this.core.starter.start(request, null))
			.satisfies((ex) -> assertThat(ex.failure()).isInstanceOf(VendorFailure.Refused.class));

		assertThat(this.core.stored(request.sessionId()).state()).isEqualTo(SessionState.FAILED);
		assertThat(this.core.messages.internalNotes()).singleElement().asString().contains("start the session again");
	}

	@Test
	void parksAStartTheVendorCannotTakeAndSendsNothingYet() {
		this.core.teamviewer.failsWith(new VendorFailure.Unavailable(ProviderName.TEAMVIEWER, "answered 503", null));
		StartRequest request = this.core.apiStart("4711", "ada@example.com");

		SessionStarter.Started started = this.core.starter.start(request, null);

		assertThat(started.result()).isEqualTo(SessionStarter.Result.PARKED);
		assertThat(started.session().state()).isEqualTo(SessionState.CREATED);
		Parking parking = this.core.sessions.parking(request.sessionId());
		assertThat(parking.nextAttemptAt()).isEqualTo(InMemorySessionCore.T0.plusSeconds(30));
		assertThat(parking.attempts()).isEqualTo(1);
		assertThat(parking.lastFailure()).isEqualTo("answered 503");
		assertThat(this.core.messages.commands).isEmpty();
		assertThat(this.core.counters.counted).contains("started teamviewer api parked");
	}

	@Test
	void triesAParkedStartAgainOnlyOnceItIsDueAndGivesItAWholeInvitationPeriod() {
		this.core.teamviewer.failsWith(new VendorFailure.Unavailable(ProviderName.TEAMVIEWER, "answered 503", null));
		StartRequest request = this.core.apiStart("4711", "ada@example.com");
		this.core.starter.start(request, null);

		this.core.clock.advance(Duration.ofSeconds(29));
		assertThat(this.core.starter.retryParked()).isZero();
		this.core.clock.advance(Duration.ofSeconds(1));
		assertThat(this.core.starter.retryParked()).isOne();

		Session invited = this.core.stored(request.sessionId());
		assertThat(invited.state()).isEqualTo(SessionState.INVITED);
		assertThat(invited.expiresAt()).isEqualTo(this.core.clock.instant().plus(Duration.ofMinutes(30)));
		assertThat(this.core.messages.commands).hasSize(2);
		assertThat(this.core.starter.retryParked()).isZero();
	}

	@Test
	void doublesTheWaitAfterEachFailedRetryUpToTheMaximum() {
		VendorFailure down = new VendorFailure.Unavailable(ProviderName.TEAMVIEWER, "answered 503", null);
		this.core.teamviewer.failsWith(down).failsWith(down).failsWith(down).failsWith(down);
		StartRequest request = this.core.apiStart("4711", "ada@example.com");
		this.core.starter.start(request, null);

		assertThat(waitAfterRetry(request.sessionId())).isEqualTo(Duration.ofSeconds(60));
		assertThat(waitAfterRetry(request.sessionId())).isEqualTo(Duration.ofSeconds(120));
		assertThat(waitAfterRetry(request.sessionId())).isEqualTo(Duration.ofSeconds(120));
		assertThat(this.core.sessions.parking(request.sessionId()).attempts()).isEqualTo(4);
	}

	@Test
	void waitsAsLongAsTheVendorAsksWhenThatIsLongerThanTheBackOff() {
		this.core.teamviewer
			.failsWith(new VendorFailure.Unavailable(ProviderName.TEAMVIEWER, "answered 429", Duration.ofMinutes(10)));
		StartRequest request = this.core.apiStart("4711", "ada@example.com");

		this.core.starter.start(request, null);

		assertThat(this.core.sessions.parking(request.sessionId()).nextAttemptAt())
			.isEqualTo(InMemorySessionCore.T0.plus(Duration.ofMinutes(10)));
	}

	@Test
	void failsAParkedStartTheVendorRefusesOnItsRetry() {
		this.core.teamviewer.failsWith(new VendorFailure.Unavailable(ProviderName.TEAMVIEWER, "answered 503", null))
			.failsWith(new VendorFailure.Refused(ProviderName.TEAMVIEWER, 403, "missing permission"));
		StartRequest request = this.core.apiStart("4711", "ada@example.com");
		this.core.starter.start(request, null);
		this.core.clock.advance(Duration.ofSeconds(30));

		assertThat(this.core.starter.retryParked()).isZero();

		assertThat(this.core.stored(request.sessionId()).state()).isEqualTo(SessionState.FAILED);
		assertThat(this.core.messages.internalNotes()).singleElement().asString().contains("missing permission");
	}

	@Test
	void releasesAnApiStartWhoseVendorAnswerCannotBeReadSoTheCallerCanStartAfresh() {
		this.core.teamviewer.failsWith(new VendorFailure.Unreadable(ProviderName.TEAMVIEWER, "no session code"));
		StartRequest request = this.core.apiStart("4711", "ada@example.com");

		assertThatExceptionOfType(VendorException.class).isThrownBy(() -> this.core.starter.start(request, null));

		assertThat(this.core.sessions.find(request.sessionId())).isEmpty();
		assertThat(this.core.starter.start(this.core.apiStart("4711", "ada@example.com"), null).result())
			.isEqualTo(SessionStarter.Result.CREATED);
	}

	@Test
	void parksANoteStartWhoseVendorAnswerCannotBeReadBecauseNobodyWaitsForIt() {
		this.core.teamviewer.failsWith(new VendorFailure.Unreadable(ProviderName.TEAMVIEWER, "no session code"));

		SessionStarter.Started started = this.core.starter
			.start(this.core.noteStart("4711", "ada@example.com", UUID.randomUUID()), UUID.randomUUID());

		assertThat(started.result()).isEqualTo(SessionStarter.Result.PARKED);
	}

	@Test
	void refusesAVendorThatIsNotConfiguredBeforeReservingAnything() {
		this.core.teamviewer.configured = false;
		StartRequest request = this.core.apiStart("4711", "ada@example.com");

		assertThatExceptionOfType(ProviderNotConfiguredException.class)
			.isThrownBy(() -> this.core.starter.start(request, null));

		assertThat(this.core.sessions.count()).isZero();
		assertThat(this.core.teamviewer.created).isEmpty();
	}

	@Test
	void closesTheNewCodeWhenTheSessionEndedWhileTheVendorCreatedIt() {
		StartRequest request = this.core.apiStart("4711", "ada@example.com");
		this.core.teamviewer.failsWith(new VendorFailure.Unavailable(ProviderName.TEAMVIEWER, "answered 503", null))
			.meanwhile(() -> this.core.timeline.endByAgent(request.sessionId()));
		this.core.starter.start(request, null);
		this.core.clock.advance(Duration.ofSeconds(30));

		assertThat(this.core.starter.retryParked()).isZero();

		assertThat(this.core.stored(request.sessionId()).state()).isEqualTo(SessionState.FAILED);
		assertThat(this.core.teamviewer.closed).singleElement()
			.satisfies((closed) -> assertThat(closed.providerSessionId()).isEqualTo("s4711"));
	}

	/** Lets the parked start fail once more when due; the wait it was parked for. */
	private Duration waitAfterRetry(UUID sessionId) {
		this.core.clock.advance(
				Duration.between(this.core.clock.instant(), this.core.sessions.parking(sessionId).nextAttemptAt()));
		this.core.starter.retryParked();
		return Duration.between(this.core.clock.instant(), this.core.sessions.parking(sessionId).nextAttemptAt());
	}

}
