package dev.switchboard.remotesession.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what vendors report to a session, under a lock on the session's row, through
 * the validated transitions of {@link SessionState}: a duplicate changes nothing, a late
 * start after the end only fills in the start, and nothing moves a finished session.
 * Every report is kept in the session's history.
 */
@Service
public class SessionTimeline {

	private final Sessions sessions;

	private final OutboundMessages outbound;

	private final SessionWriteBack writeBack;

	private final SessionCounters counters;

	private final Clock clock;

	public SessionTimeline(Sessions sessions, OutboundMessages outbound, SessionWriteBack writeBack,
			SessionCounters counters, Clock clock) {
		this.sessions = sessions;
		this.outbound = outbound;
		this.writeBack = writeBack;
		this.counters = counters;
		this.clock = clock;
	}

	/**
	 * A pushed event, applied at most once by its message id.
	 */
	@Transactional
	public Outcome applyPushed(UUID messageId, SessionActivity activity) {
		if (!this.sessions.markReceived(messageId, "webhooks.inbound", this.clock.instant())) {
			this.counters.activity("push", "duplicate");
			return Outcome.DUPLICATE;
		}
		return apply(activity);
	}

	@Transactional
	public Outcome apply(SessionActivity activity) {
		Optional<Session> locked = this.sessions.lockByProviderSessionId(activity.providerSessionId());
		if (locked.isEmpty()) {
			this.counters.activity(source(activity), "unknown-session");
			return Outcome.UNKNOWN_SESSION;
		}
		Session session = locked.get();
		Session next = next(session, activity);
		boolean applied = next != session;
		if (applied || activity.source() == SessionActivity.Source.PUSH) {
			this.sessions.addHistory(session.id(),
					new SessionHistoryEntry(activity.kind().name().toLowerCase(Locale.ROOT), source(activity),
							activity.occurredAt(), this.clock.instant(), applied, next.state(), detail(activity)));
		}
		if (!applied) {
			this.counters.activity(source(activity), "ignored");
			return Outcome.IGNORED;
		}
		this.sessions.update(next);
		announce(session, next);
		this.counters.activity(source(activity), "applied");
		return Outcome.APPLIED;
	}

	/** The agent ends the session from the API. */
	@Transactional
	public Session endByAgent(UUID sessionId) {
		Session session = this.sessions.lock(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
		if (!session.state().isLive()) {
			throw new SessionOverException(session);
		}
		Instant now = this.clock.instant();
		Session next = (session.state() == SessionState.CREATED)
				? session.finished(SessionState.FAILED, now, null, null, "ended by the agent before it was created",
						null)
				: next(session, SessionActivity.ended(session.publicSessionId(), now, null, null,
						"ended by the agent in Switchboard", null, SessionActivity.Source.AGENT));
		this.sessions.update(next);
		this.sessions.addHistory(sessionId,
				new SessionHistoryEntry(next.state().id(), "agent", now, now, true, next.state(), next.endReason()));
		announce(session, next);
		return next;
	}

	/**
	 * Expires the live sessions nobody joined by their expiry, locking them (an instance
	 * skips the ones another holds).
	 */
	@Transactional
	public List<Session> expireDue(Instant now, int limit) {
		return this.sessions.lockExpired(now, limit).stream().map(this::expire).toList();
	}

	/**
	 * Ends the started sessions that have been silent since {@code quietSince}: their end
	 * event never came. One end note each, as for any end.
	 */
	@Transactional
	public List<Session> endSilent(Instant quietSince, String reason, int limit) {
		return this.sessions.lockSilent(quietSince, limit).stream().map((locked) -> endSilent(locked, reason)).toList();
	}

	private Session endSilent(Session locked, String reason) {
		Instant now = this.clock.instant();
		Session ended = locked.finished(SessionState.ENDED, now, locked.startedAt(), null, reason, null);
		this.sessions.update(ended);
		this.sessions.addHistory(locked.id(),
				new SessionHistoryEntry("ended", "silence", now, now, true, SessionState.ENDED, reason));
		announce(locked, ended);
		return ended;
	}

	private Session expire(Session locked) {
		if (locked.state() == SessionState.CREATED) {
			return giveUpStart(locked);
		}
		Instant now = this.clock.instant();
		String reason = (locked.provider() == ProviderName.GUACAMOLE) ? "no session events received"
				: "invitation expired";
		Session expired = locked.finished(SessionState.EXPIRED, now, null, null, reason, null);
		this.sessions.update(expired);
		this.sessions.addHistory(locked.id(), new SessionHistoryEntry("expired", "expiry", locked.expiresAt(), now,
				true, SessionState.EXPIRED, reason));
		announce(locked, expired);
		return expired;
	}

	/**
	 * A start the vendor never took (parked until its invitation would have expired): the
	 * session failed, and the ticket gets its one closing note with the last failure and
	 * what to do.
	 */
	private Session giveUpStart(Session locked) {
		Instant now = this.clock.instant();
		Parking parking = this.sessions.parking(locked.id());
		String reason = StartAdvice.unreachableReason(locked.provider(), parking.attempts(),
				(parking.lastFailure() != null) ? parking.lastFailure() : "no answer", locked.createdAt());
		Session failed = locked.finished(SessionState.FAILED, now, null, null, reason, null);
		this.sessions.update(failed);
		this.sessions.addHistory(locked.id(), new SessionHistoryEntry("failed", "expiry", locked.expiresAt(), now, true,
				SessionState.FAILED, reason));
		this.counters.transitioned(failed.provider(), SessionState.FAILED);
		this.outbound
			.send(this.writeBack.onFinished(failed, StartAdvice.unreachable(locked.provider(), locked.startedVia())));
		this.outbound.send(this.writeBack.finished(failed));
		return failed;
	}

	private void announce(Session before, Session after) {
		if (after.state() == before.state()) {
			return;
		}
		this.counters.transitioned(after.provider(), after.state());
		if (after.startedAt() != null && (after.state() == SessionState.STARTED || before.startedAt() == null)) {
			this.outbound.send(this.writeBack.started(after));
		}
		if (!after.state().isLive()) {
			this.outbound.send(this.writeBack.onFinished(after));
			this.outbound.send(this.writeBack.finished(after));
		}
	}

	/** The session after the activity, or the same instance when it changes nothing. */
	static Session next(Session session, SessionActivity activity) {
		SessionState state = session.state();
		return switch (activity.kind()) {
			case STARTED -> {
				if (state.canMoveTo(SessionState.STARTED)) {
					yield session.started(activity.occurredAt(), activity.host());
				}
				if (state == SessionState.ENDED && session.startedAt() == null) {
					yield session.withLateStart(activity.occurredAt(), activity.host());
				}
				yield session;
			}
			case ENDED -> {
				if (!state.canMoveTo(SessionState.ENDED)) {
					yield session;
				}
				Instant end = activity.occurredAt();
				Instant start = firstNonNull(session.startedAt(), activity.startedAt(),
						(activity.durationSeconds() != null) ? end.minusSeconds(activity.durationSeconds()) : null);
				Long duration = (activity.durationSeconds() != null) ? activity.durationSeconds()
						: (start != null) ? Long.valueOf(Math.max(0, Duration.between(start, end).toSeconds())) : null;
				String reason = (activity.endReason() != null) ? activity.endReason() : "ended";
				yield session.finished(SessionState.ENDED, end, start, duration, reason, activity.recordingUrl());
			}
			case FAILED -> state.canMoveTo(SessionState.FAILED)
					? session.finished(SessionState.FAILED, activity.occurredAt(), session.startedAt(), null,
							(activity.endReason() != null) ? activity.endReason() : "failed at the vendor", null)
					: session;
		};
	}

	private static @Nullable Instant firstNonNull(@Nullable Instant a, @Nullable Instant b, @Nullable Instant c) {
		return (a != null) ? a : (b != null) ? b : c;
	}

	private static String source(SessionActivity activity) {
		return activity.source().name().toLowerCase(Locale.ROOT);
	}

	private static @Nullable String detail(SessionActivity activity) {
		return (activity.endReason() != null) ? activity.endReason() : activity.host();
	}

	/** What applying an activity did. */
	public enum Outcome {

		APPLIED, IGNORED, DUPLICATE, UNKNOWN_SESSION

	}

}
