package dev.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a phone call's log, published by crm-bridge-service on
 * {@link Destinations#CALLS_EVENTS}. One call is one log, keyed by the parent leg's
 * {@code CallSid}. Carries no phone numbers (they are personal data and are purged with
 * the log). The {@code type} property names the member of the family.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = CallLogged.class, name = "call-logged"),
		@JsonSubTypes.Type(value = CallUpdated.class, name = "call-updated") })
public sealed interface CallEvent permits CallLogged, CallUpdated {

	int schemaVersion();

	/**
	 * Deterministic id derived from the call and the callback that caused it, so a
	 * redelivered callback yields the same id; also the AMQP {@code message_id}.
	 */
	UUID eventId();

	String correlationId();

	/** The parent leg's {@code CallSid}. */
	String callSid();

	/** The ticket the call is logged on, once chosen. */
	@Nullable String ticketId();

	/** {@code inbound}, {@code outbound-api} or {@code outbound-dial}. */
	String direction();

	/**
	 * The phone system's status: queued, ringing, in-progress, completed, busy,
	 * no-answer, failed, canceled.
	 */
	String status();

	Instant occurredAt();

}
