package dev.switchboard.remotesession.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.contracts.NoteAdded;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional steps around the vendor calls: each changes the session, writes its
 * history and enqueues the messages the change causes in one transaction.
 */
@Component
public class SessionLedger {

	private final Sessions sessions;

	private final OutboundMessages outbound;

	private final SessionWriteBack writeBack;

	private final RemoteSessionProperties properties;

	private final SessionCounters counters;

	private final Clock clock;

	public SessionLedger(Sessions sessions, OutboundMessages outbound, SessionWriteBack writeBack,
			RemoteSessionProperties properties, SessionCounters counters, Clock clock) {
		this.sessions = sessions;
		this.outbound = outbound;
		this.writeBack = writeBack;
		this.properties = properties;
		this.counters = counters;
		this.clock = clock;
	}

	/**
	 * Reserves the session, or finds the one that is there already: the same id (a
	 * redelivered note) or the live session of the same ticket and agent.
	 * @param messageId the causing message's own id, recorded as received in the same
	 * transaction, or {@code null} for an API call
	 */
	@Transactional
	public Reservation reserve(StartRequest request, @Nullable UUID messageId) {
		Instant now = this.clock.instant();
		if (messageId != null) {
			this.sessions.markReceived(messageId, "tickets.events", now);
		}
		Session session = new Session(request.sessionId(), request.ticketId(), request.provider(), null,
				request.agentEmail(), request.customer(), SessionState.CREATED, null, null,
				now.plus(this.properties.inviteExpiry()), now, null, null, null, null, null, null, request.via(),
				request.correlationId(), request.causedAt(), null);
		String liveKey = liveKey(request.ticketId(), request.agentEmail());
		if (this.sessions.reserve(session, liveKey)) {
			this.sessions.addHistory(session.id(), new SessionHistoryEntry("created", request.via().id(), now, now,
					true, SessionState.CREATED, "by " + request.agentEmail()));
			return new Reservation(session, true);
		}
		Optional<Session> existing = this.sessions.find(request.sessionId());
		if (existing.isEmpty() && liveKey != null) {
			existing = this.sessions.findLive(liveKey);
		}
		return new Reservation(
				existing.orElseThrow(() -> new IllegalStateException(
						"session " + request.sessionId() + " was neither reserved nor found (a concurrent end?)")),
				false);
	}

	@Transactional
	public Session invited(UUID sessionId, CreatedSession created) {
		return invited(sessionId, created, null);
	}

	/**
	 * @param expiresAt the invitation's expiry when it is not the reserved one (a start
	 * that waited for its vendor gets a whole invitation period from now)
	 */
	@Transactional
	public Session invited(UUID sessionId, CreatedSession created, @Nullable Instant expiresAt) {
		Session reserved = this.sessions.lock(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
		Instant now = this.clock.instant();
		if (reserved.state() != SessionState.CREATED) {
			return reserved;
		}
		Session invited = reserved.invited(created, (expiresAt != null) ? expiresAt : reserved.expiresAt());
		this.sessions.update(invited);
		this.sessions.addHistory(sessionId, new SessionHistoryEntry("invited", reserved.startedVia().id(), now, now,
				true, SessionState.INVITED, "session " + invited.publicSessionId()));
		this.writeBack.onInvited(invited).forEach(this.outbound::send);
		this.outbound.send(this.writeBack.created(invited, now));
		this.counters.transitioned(invited.provider(), SessionState.INVITED);
		return invited;
	}

	/**
	 * The vendor refused: the session failed, and the ticket is told what to fix in its
	 * one closing note.
	 */
	@Transactional
	public Session refused(UUID sessionId, VendorFailure.Refused failure) {
		Session reserved = this.sessions.lock(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
		if (reserved.state() != SessionState.CREATED) {
			return reserved;
		}
		Instant now = this.clock.instant();
		Session failed = reserved.finished(SessionState.FAILED, now, null, null,
				failure.provider().displayName() + " refused to create the session: " + failure.detail(), null);
		this.sessions.update(failed);
		this.sessions.addHistory(sessionId, new SessionHistoryEntry("failed", reserved.startedVia().id(), now, now,
				true, SessionState.FAILED, failed.endReason()));
		this.outbound.send(this.writeBack.onFinished(failed, StartAdvice.refused(failure, reserved.startedVia())));
		this.outbound.send(this.writeBack.finished(failed));
		this.counters.transitioned(failed.provider(), SessionState.FAILED);
		return failed;
	}

	/**
	 * A {@code /remote} note that starts nothing: the note counts as received and the
	 * ticket gets one note saying what to fix (the same command id for a redelivered
	 * note, which the outbox and crm-bridge drop).
	 */
	@Transactional
	public void notStarted(NoteAdded note, String advice) {
		this.sessions.markReceived(note.eventId(), "tickets.events", this.clock.instant());
		this.outbound.send(this.writeBack.notStarted(note, advice));
	}

	/**
	 * The vendor could not be reached: the reservation goes, so that the caller (or a
	 * replay of the note from the dead-letter queue) can start afresh.
	 */
	@Transactional
	public void release(UUID sessionId, @Nullable UUID messageId) {
		this.sessions.lock(sessionId)
			.filter((session) -> session.state() == SessionState.CREATED)
			.ifPresent((session) -> this.sessions.delete(sessionId));
		if (messageId != null) {
			this.sessions.forgetReceived(messageId);
		}
	}

	/**
	 * Parks a start the vendor could not take; the causing message counts as handled.
	 */
	@Transactional
	public void park(UUID sessionId, Instant nextAttemptAt, VendorFailure failure) {
		this.sessions.park(sessionId, nextAttemptAt, failure.detail());
		this.sessions.addHistory(sessionId,
				new SessionHistoryEntry("parked", "vendor", this.clock.instant(), this.clock.instant(), false,
						SessionState.CREATED,
						failure.provider().displayName() + " " + failure.detail() + ", next attempt " + nextAttemptAt));
	}

	/**
	 * Claims the parked starts that are due: each is leased (its next attempt moved on by
	 * the lease) so that no other run takes it meanwhile.
	 */
	@Transactional
	public List<ParkedStart> claimDueStarts(Duration lease, int limit) {
		Instant now = this.clock.instant();
		List<ParkedStart> due = this.sessions.lockDueStarts(now, limit);
		due.forEach((parked) -> this.sessions.lease(parked.session().id(), now.plus(lease)));
		return due;
	}

	@Nullable String liveKey(String ticketId, String agentEmail) {
		if (!this.properties.oneLiveSessionPerTicketAndAgent()) {
			return null;
		}
		return ticketId + "|" + agentEmail.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The outcome of a reservation.
	 *
	 * @param session the reserved session, or the one that was there
	 * @param reserved whether it is new
	 */
	public record Reservation(Session session, boolean reserved) {
	}

}
