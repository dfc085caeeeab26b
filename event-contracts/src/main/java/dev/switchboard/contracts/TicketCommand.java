package dev.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A write to a helpdesk ticket, sent on {@link Destinations#TICKETS_COMMANDS} to
 * crm-bridge-service, the only writer of tickets. The {@code type} property names the
 * member of the family.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = AddInternalNote.class, name = "add-internal-note"),
		@JsonSubTypes.Type(value = AddPublicReply.class, name = "add-public-reply"),
		@JsonSubTypes.Type(value = Reopen.class, name = "reopen"),
		@JsonSubTypes.Type(value = SetField.class, name = "set-field"),
		@JsonSubTypes.Type(value = AddTags.class, name = "add-tags") })
public sealed interface TicketCommand permits AddInternalNote, AddPublicReply, Reopen, SetField, AddTags {

	int schemaVersion();

	/**
	 * Deterministic id, derived from the causing event, so a redelivered event yields the
	 * same id and the receiver drops the repeat. Also the AMQP {@code message_id}.
	 */
	UUID commandId();

	String correlationId();

	/** The helpdesk's ticket id. */
	String ticketId();

	/** When the source event this command answers happened. */
	Instant causedAt();

}
