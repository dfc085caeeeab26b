package dev.switchboard.statuspage.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * One message of an outbox row.
 *
 * @param id the message's own id (AMQP {@code message_id}): the same on every relay of
 * the row, so receivers drop repeats
 * @param payload an event-contracts record
 */
public record OutboxMessage(UUID id, String correlationId, Object payload) {

	public OutboxMessage {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(correlationId, "correlationId");
		Objects.requireNonNull(payload, "payload");
	}

}
