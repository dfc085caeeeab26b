package dev.switchboard.crmbridge.call;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * How a callback reached Switchboard, besides what it says.
 *
 * @param idempotencyToken the phone system's token of this callback (Twilio's
 * {@code I-Twilio-Idempotency-Token}, the delivery id): a callback is applied once per
 * token
 * @param correlationId follows the callback into logs and events
 * @param receivedAt when the gateway received it
 */
public record CallbackReceipt(String idempotencyToken, String correlationId, Instant receivedAt) {

	public CallbackReceipt {
		requireNonNull(idempotencyToken, "idempotencyToken");
		requireNonNull(correlationId, "correlationId");
		requireNonNull(receivedAt, "receivedAt");
	}

}
