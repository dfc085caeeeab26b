package dev.switchboard.remotesession.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The validated transitions, without Spring: duplicates and reordering. */
class SessionTimelineTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void startThenEndEndsWithTheStartAndTheDuration() {
		Session session = SessionTimeline.next(invited(), started(T0));
		session = SessionTimeline.next(session, ended(T0.plusSeconds(90), null));

		assertThat(session.state()).isEqualTo(SessionState.ENDED);
		assertThat(session.startedAt()).isEqualTo(T0);
		assertThat(session.durationSeconds()).isEqualTo(90);
	}

	@Test
	void anEndBeforeItsStartKeepsTheEndAndTakesTheStartFromTheDuration() {
		Session ended = SessionTimeline.next(invited(), ended(T0.plusSeconds(90), 90L));
		Session afterLateStart = SessionTimeline.next(ended, started(T0));

		assertThat(ended.state()).isEqualTo(SessionState.ENDED);
		assertThat(ended.startedAt()).isEqualTo(T0);
		assertThat(afterLateStart).isSameAs(ended);
	}

	@Test
	void aLateStartWithoutADurationFillsInOnlyTheStart() {
		Session ended = SessionTimeline.next(invited(), ended(T0.plusSeconds(90), null));
		Session afterLateStart = SessionTimeline.next(ended, started(T0));

		assertThat(ended.startedAt()).isNull();
		assertThat(afterLateStart.state()).isEqualTo(SessionState.ENDED);
		assertThat(afterLateStart.startedAt()).isEqualTo(T0);
		assertThat(afterLateStart.endedAt()).isEqualTo(T0.plusSeconds(90));
	}

	@Test
	void repeatsAndAnythingAfterTheEndChangeNothing() {
		Session started = SessionTimeline.next(invited(), started(T0));
		Session ended = SessionTimeline.next(started, ended(T0.plusSeconds(60), 60L));

		assertThat(SessionTimeline.next(started, started(T0.plusSeconds(5)))).isSameAs(started);
		assertThat(SessionTimeline.next(ended, ended(T0.plusSeconds(70), 70L))).isSameAs(ended);
		assertThat(SessionTimeline.next(ended,
				SessionActivity.failed("s1", T0.plusSeconds(80), "lost", SessionActivity.Source.PUSH)))
			.isSameAs(ended);
	}

	@Test
	void onlyLiveStatesMoveAndOnlyForward() {
		assertThat(SessionState.CREATED.canMoveTo(SessionState.INVITED)).isTrue();
		assertThat(SessionState.INVITED.canMoveTo(SessionState.EXPIRED)).isTrue();
		assertThat(SessionState.STARTED.canMoveTo(SessionState.EXPIRED)).isFalse();
		assertThat(SessionState.STARTED.canMoveTo(SessionState.INVITED)).isFalse();
		for (SessionState state : new SessionState[] { SessionState.ENDED, SessionState.EXPIRED,
				SessionState.FAILED }) {
			assertThat(state.isLive()).isFalse();
			for (SessionState next : SessionState.values()) {
				assertThat(state.canMoveTo(next)).isFalse();
			}
		}
	}

	private static Session invited() {
		return new Session(UUID.randomUUID(), "35436", ProviderName.TEAMVIEWER, "s1", "ada@example.com",
				Customer.UNKNOWN, SessionState.INVITED, "https://agent", "https://customer", T0.plusSeconds(1800),
				T0.minusSeconds(60), null, null, null, null, null, null, StartedVia.API, "corr", T0.minusSeconds(60),
				null);
	}

	private static SessionActivity started(Instant at) {
		return SessionActivity.started("s1", at, "ada", "LAPTOP", SessionActivity.Source.PUSH);
	}

	private static SessionActivity ended(Instant at, @Nullable Long duration) {
		return SessionActivity.ended("s1", at, null, duration, "done", null, SessionActivity.Source.PUSH);
	}

}
