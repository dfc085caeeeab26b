package dev.switchboard.remotesession.session;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A remote session as this service knows it. The links grant access to a screen:
 * {@link #toString()} never prints them.
 */
public record Session(UUID id, String ticketId, ProviderName provider, @Nullable String providerSessionId,
		String agentEmail, Customer customer, SessionState state, @Nullable String agentUrl,
		@Nullable String customerUrl, Instant expiresAt, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant endedAt, @Nullable Long durationSeconds, @Nullable String endReason,
		@Nullable String recordingUrl, @Nullable String host, StartedVia startedVia, String correlationId,
		Instant causedAt, @Nullable Instant lastEventAt) {

	/** The id other systems know the session by (Switchboard's own for Guacamole). */
	public String publicSessionId() {
		return (this.providerSessionId != null) ? this.providerSessionId : this.id.toString();
	}

	public Session invited(CreatedSession created) {
		return invited(created, this.expiresAt);
	}

	/** Invited with an expiry of its own (a start that waited for its vendor). */
	public Session invited(CreatedSession created, Instant expiresAt) {
		return new Session(this.id, this.ticketId, this.provider, created.providerSessionId(), this.agentEmail,
				this.customer, SessionState.INVITED, created.agentUrl(), created.customerUrl(), expiresAt,
				this.createdAt, null, null, null, null, null, null, this.startedVia, this.correlationId, this.causedAt,
				null);
	}

	public Session started(Instant at, @Nullable String host) {
		return new Session(this.id, this.ticketId, this.provider, this.providerSessionId, this.agentEmail,
				this.customer, SessionState.STARTED, this.agentUrl, this.customerUrl, this.expiresAt, this.createdAt,
				at, null, null, null, null, (host != null) ? host : this.host, this.startedVia, this.correlationId,
				this.causedAt, at);
	}

	public Session finished(SessionState finalState, Instant at, @Nullable Instant startedAt,
			@Nullable Long durationSeconds, String endReason, @Nullable String recordingUrl) {
		return new Session(this.id, this.ticketId, this.provider, this.providerSessionId, this.agentEmail,
				this.customer, finalState, this.agentUrl, this.customerUrl, this.expiresAt, this.createdAt, startedAt,
				at, durationSeconds, endReason, recordingUrl, this.host, this.startedVia, this.correlationId,
				this.causedAt, at);
	}

	/** A late start report for a session that already ended: fills in the start only. */
	public Session withLateStart(Instant at, @Nullable String host) {
		return new Session(this.id, this.ticketId, this.provider, this.providerSessionId, this.agentEmail,
				this.customer, this.state, this.agentUrl, this.customerUrl, this.expiresAt, this.createdAt, at,
				this.endedAt, this.durationSeconds, this.endReason, this.recordingUrl,
				(host != null) ? host : this.host, this.startedVia, this.correlationId, this.causedAt,
				this.lastEventAt);
	}

	@Override
	public String toString() {
		return "Session[id=" + this.id + ", ticketId=" + this.ticketId + ", provider=" + this.provider.id()
				+ ", providerSessionId=" + this.providerSessionId + ", state=" + this.state + ", links=***]";
	}

}
