package dev.switchboard.remotesession.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.switchboard.contracts.SessionEnded;
import dev.switchboard.contracts.SessionStarted;
import org.junit.jupiter.api.Test;

/**
 * What happens to a session after its start, against in-memory fakes of the ports: what
 * vendors report, the agent's end, expiry, given-up starts and silence, each with its one
 * closing note.
 */
class SessionLifecycleTests {

	private final InMemorySessionCore core = new InMemorySessionCore();

	@Test
	void aStartReportMovesTheSessionToStartedAndAnnouncesIt() {
		Session session = invited("4711");

		SessionTimeline.Outcome outcome = this.core.timeline.apply(started(at(60)));

		assertThat(outcome).isEqualTo(SessionTimeline.Outcome.APPLIED);
		assertThat(this.core.stored(session.id()).state()).isEqualTo(SessionState.STARTED);
		assertThat(this.core.messages.events).last().isInstanceOf(SessionStarted.class);
		assertThat(this.core.counters.counted).contains("transitioned teamviewer started", "activity poll applied");
	}

	@Test
	void anEndReportWritesOneClosingNoteWithTheDurationAndTheReason() {
		Session session = invited("4711");
		this.core.timeline.apply(started(at(60)));

		this.core.timeline.apply(SessionActivity.ended("s4711", at(60 + 754), null, null, "closed by the agent",
				"https://vendor.example/recordings/1", SessionActivity.Source.PUSH));
		this.core.timeline.apply(SessionActivity.ended("s4711", at(60 + 800), null, null, "closed again", null,
				SessionActivity.Source.POLL));

		assertThat(this.core.stored(session.id()).state()).isEqualTo(SessionState.ENDED);
		assertThat(this.core.messages.internalNotes()).hasSize(2)
			.last()
			.asString()
			.startsWith("Remote session ended (TeamViewer s4711)")
			.contains("Duration: 12 min 34 s", "End reason: closed by the agent",
					"Recording: https://vendor.example/recordings/1");
		assertThat(this.core.messages.events).last().isInstanceOf(SessionEnded.class);
	}

	@Test
	void appliesAPushedEventOnceWhenItIsDeliveredTwice() {
		invited("4711");
		UUID deliveryId = UUID.randomUUID();

		SessionTimeline.Outcome first = this.core.timeline.applyPushed(deliveryId, started(at(60)));
		SessionTimeline.Outcome again = this.core.timeline.applyPushed(deliveryId, started(at(60)));

		assertThat(first).isEqualTo(SessionTimeline.Outcome.APPLIED);
		assertThat(again).isEqualTo(SessionTimeline.Outcome.DUPLICATE);
		assertThat(this.core.counters.counted).contains("activity push duplicate");
	}

	@Test
	void changesNothingForAReportAboutASessionItDoesNotKnow() {
		SessionTimeline.Outcome outcome = this.core.timeline.apply(started(at(60)));

		assertThat(outcome).isEqualTo(SessionTimeline.Outcome.UNKNOWN_SESSION);
		assertThat(this.core.messages.commands).isEmpty();
	}

	@Test
	void failsTheSessionWithTheVendorsReasonInItsClosingNote() {
		Session session = invited("4711");

		this.core.timeline.apply(SessionActivity.failed("s4711", at(90), "the host refused the connection",
				SessionActivity.Source.PUSH));

		assertThat(this.core.stored(session.id()).state()).isEqualTo(SessionState.FAILED);
		assertThat(this.core.messages.internalNotes()).last()
			.asString()
			.isEqualTo("Remote session failed (TeamViewer s4711): the host refused the connection.");
	}

	@Test
	void expiresAnInvitationNobodyJoinedClosesItsCodeAndWritesOneNote() {
		Session session = invited("4711");
		this.core.clock.advance(Duration.ofMinutes(30));

		assertThat(this.core.housekeeping.expireDue()).isOne();
		assertThat(this.core.housekeeping.expireDue()).isZero();

		assertThat(this.core.stored(session.id()).state()).isEqualTo(SessionState.EXPIRED);
		assertThat(this.core.messages.internalNotes()).last()
			.asString()
			.startsWith("Remote session invitation expired (TeamViewer s4711): invitation expired.");
		assertThat(this.core.teamviewer.closed).singleElement()
			.satisfies((closed) -> assertThat(closed.id()).isEqualTo(session.id()));
	}

	@Test
	void givesUpAStartStillParkedWhenItsInvitationWouldHaveExpired() {
		this.core.teamviewer.failsWith(new VendorFailure.Unavailable(ProviderName.TEAMVIEWER, "answered 503", null));
		StartRequest request = this.core.apiStart("4711", "ada@example.com");
		this.core.starter.start(request, null);
		this.core.clock.advance(Duration.ofMinutes(30));

		this.core.housekeeping.expireDue();

		Session failed = this.core.stored(request.sessionId());
		assertThat(failed.state()).isEqualTo(SessionState.FAILED);
		assertThat(this.core.messages.internalNotes()).singleElement()
			.asString()
			.contains("TeamViewer could not be reached (answered 503) on 1 attempt since 2026-11-23 10:00 UTC")
			.contains("To fix: nothing on your side; start the session again once TeamViewer is reachable again");
		assertThat(this.core.starter.retryParked()).isZero();
	}

	@Test
	void endsAStartedSessionSilentForTheMaximumWithOneEndNote() {
		Session session = invited("4711");
		this.core.timeline.apply(started(at(60)));
		this.core.clock.advance(Duration.ofHours(12).plusSeconds(60));

		assertThat(this.core.housekeeping.endSilent()).isOne();
		assertThat(this.core.housekeeping.endSilent()).isZero();

		assertThat(this.core.stored(session.id()).state()).isEqualTo(SessionState.ENDED);
		assertThat(this.core.messages.internalNotes()).last()
			.asString()
			.contains("End reason: no end event received within 12h");
	}

	@Test
	void theAgentEndsALiveSessionOnceAndIsToldWhenItIsOverAlready() {
		Session session = invited("4711");

		this.core.housekeeping.endByAgent(session.id());

		assertThat(this.core.stored(session.id()).state()).isEqualTo(SessionState.ENDED);
		assertThat(this.core.teamviewer.closed).hasSize(1);
		assertThatExceptionOfType(SessionOverException.class)
			.isThrownBy(() -> this.core.housekeeping.endByAgent(session.id()));
		assertThat(this.core.messages.internalNotes()).last()
			.asString()
			.contains("End reason: ended by the agent in Switchboard");
	}

	@Test
	void nothingMovesAFinishedSessionAndTheReportIsKeptInItsHistory() {
		Session session = invited("4711");
		this.core.timeline.apply(SessionActivity.failed("s4711", at(30), "lost", SessionActivity.Source.PUSH));
		int notes = this.core.messages.commands.size();

		SessionTimeline.Outcome outcome = this.core.timeline
			.apply(SessionActivity.started("s4711", at(60), null, null, SessionActivity.Source.PUSH));

		assertThat(outcome).isEqualTo(SessionTimeline.Outcome.IGNORED);
		assertThat(this.core.stored(session.id()).state()).isEqualTo(SessionState.FAILED);
		assertThat(this.core.messages.commands).hasSize(notes);
		assertThat(this.core.sessions.history(session.id())).last()
			.satisfies((entry) -> assertThat(entry.applied()).isFalse());
	}

	private Session invited(String ticketId) {
		return this.core.starter.start(this.core.apiStart(ticketId, "ada@example.com"), null).session();
	}

	private static SessionActivity started(Instant at) {
		return SessionActivity.started("s4711", at, "ada@example.com", "customer-pc", SessionActivity.Source.POLL);
	}

	private static Instant at(long secondsAfterT0) {
		return InMemorySessionCore.T0.plusSeconds(secondsAfterT0);
	}

}
