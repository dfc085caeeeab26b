package dev.switchboard.remotesession.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Something a vendor reported about a session (a pushed event, a connection report, the
 * agent's end request), in one vendor-neutral shape.
 *
 * @param occurredAt when it happened at the vendor (the start for {@link Kind#STARTED},
 * the end otherwise)
 * @param startedAt for an end: when the connection began, if the vendor says
 */
public record SessionActivity(Kind kind, String providerSessionId, Instant occurredAt, @Nullable String agent,
		@Nullable String host, @Nullable Instant startedAt, @Nullable Long durationSeconds, @Nullable String endReason,
		@Nullable String recordingUrl, Source source) {

	public SessionActivity {
		if (providerSessionId.isBlank()) {
			throw new IllegalArgumentException("providerSessionId must not be blank");
		}
		if (durationSeconds != null && durationSeconds < 0) {
			throw new IllegalArgumentException("durationSeconds must not be negative");
		}
	}

	public static SessionActivity started(String providerSessionId, Instant at, @Nullable String agent,
			@Nullable String host, Source source) {
		return new SessionActivity(Kind.STARTED, providerSessionId, at, agent, host, null, null, null, null, source);
	}

	public static SessionActivity ended(String providerSessionId, Instant at, @Nullable Instant startedAt,
			@Nullable Long durationSeconds, String endReason, @Nullable String recordingUrl, Source source) {
		return new SessionActivity(Kind.ENDED, providerSessionId, at, null, null, startedAt, durationSeconds, endReason,
				recordingUrl, source);
	}

	public static SessionActivity failed(String providerSessionId, Instant at, String reason, Source source) {
		return new SessionActivity(Kind.FAILED, providerSessionId, at, null, null, null, null, reason, null, source);
	}

	/** The kinds of activity a vendor can report. */
	public enum Kind {

		STARTED, ENDED, FAILED

	}

	/** How the activity reached us (audit). */
	public enum Source {

		PUSH, POLL, AGENT

	}

	@Override
	public String toString() {
		return "SessionActivity[" + this.kind + " " + this.providerSessionId + " at " + this.occurredAt + " via "
				+ this.source + "]";
	}

}
