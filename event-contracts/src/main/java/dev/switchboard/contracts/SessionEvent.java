package dev.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something that happened to a remote-desktop session, published by
 * remote-session-service on {@link Destinations#SESSIONS_EVENTS}. Vendor-neutral: every
 * provider's session looks the same. Never carries the join links (they grant access).
 * The {@code type} property names the member of the family.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = SessionCreated.class, name = "session-created"),
		@JsonSubTypes.Type(value = SessionStarted.class, name = "session-started"),
		@JsonSubTypes.Type(value = SessionEnded.class, name = "session-ended") })
public sealed interface SessionEvent permits SessionCreated, SessionStarted, SessionEnded {

	int schemaVersion();

	/**
	 * Deterministic id derived from the session and the transition, so a repeated
	 * transition yields the same id; also the AMQP {@code message_id}.
	 */
	UUID eventId();

	String correlationId();

	/** Switchboard's own id of the session. */
	UUID sessionId();

	/** The helpdesk ticket the session was started from. */
	String ticketId();

	/** {@code teamviewer} or {@code guacamole}. */
	String provider();

	Instant occurredAt();

}
