package dev.switchboard.remotesession.session.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.remotesession.session.Parking;
import dev.switchboard.remotesession.session.Session;
import dev.switchboard.remotesession.session.SessionHistoryEntry;
import dev.switchboard.remotesession.session.SessionState;
import org.jspecify.annotations.Nullable;

/**
 * A session as the API shows it: {@code {id, provider, providerSessionId, state,
 * agentUrl, customerUrl, expiresAt, …}}; with its history (audit) when read one by one,
 * and {@code start} while a start waits for its vendor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionView(UUID id, String ticketId, String provider, @Nullable String providerSessionId, String state,
		@Nullable String agentUrl, @Nullable String customerUrl, Instant expiresAt, String agentEmail,
		@Nullable CustomerView customer, String startedVia, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant endedAt, @Nullable Long durationSeconds, @Nullable String endReason,
		@Nullable String recordingUrl, @Nullable String host, @Nullable StartView start,
		@Nullable List<HistoryView> history) {

	static SessionView of(Session session, @Nullable List<SessionHistoryEntry> history) {
		return of(session, Parking.NONE, history);
	}

	/**
	 * @param parking where the start stands: shown as {@code start} while the session
	 * waits for its vendor
	 */
	static SessionView of(Session session, Parking parking, @Nullable List<SessionHistoryEntry> history) {
		CustomerView customer = (session.customer().name() == null && session.customer().email() == null) ? null
				: new CustomerView(session.customer().name(), session.customer().email());
		StartView start = (session.state() == SessionState.CREATED && parking.nextAttemptAt() != null) ? new StartView(
				"waiting-for-vendor", parking.nextAttemptAt(), parking.attempts(), parking.lastFailure()) : null;
		return new SessionView(session.id(), session.ticketId(), session.provider().id(), session.providerSessionId(),
				session.state().id(), session.agentUrl(), session.customerUrl(), session.expiresAt(),
				session.agentEmail(), customer, session.startedVia().id(), session.createdAt(), session.startedAt(),
				session.endedAt(), session.durationSeconds(), session.endReason(), session.recordingUrl(),
				session.host(), start, (history != null) ? history.stream().map(HistoryView::of).toList() : null);
	}

	@Override
	public String toString() {
		return "SessionView[id=" + this.id + ", state=" + this.state + ", links=***]";
	}

	record CustomerView(@Nullable String name, @Nullable String email) {
	}

	/**
	 * A start that waits for its vendor: when it is tried next, how often it failed, how
	 * the last attempt failed. It is tried until {@code expiresAt}.
	 */
	record StartView(String status, Instant nextAttemptAt, int failedAttempts, @Nullable String lastFailure) {
	}

	record HistoryView(String kind, String source, Instant occurredAt, Instant recordedAt, boolean applied,
			String stateAfter, @Nullable String detail) {

		static HistoryView of(SessionHistoryEntry entry) {
			return new HistoryView(entry.kind(), entry.source(), entry.occurredAt(), entry.recordedAt(),
					entry.applied(), entry.stateAfter().id(), entry.detail());
		}

	}

}
