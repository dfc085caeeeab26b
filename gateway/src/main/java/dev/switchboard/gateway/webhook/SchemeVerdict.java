package dev.switchboard.gateway.webhook;

import java.util.Map;

/** What a provider's scheme says of a request. */
public sealed interface SchemeVerdict {

	/**
	 * Verified and well-formed.
	 *
	 * @param deliveryId the provider's id of this delivery
	 * @param eventType the event token of the routing key
	 * @param keptHeaders the headers the owner needs, passed on with the delivery
	 */
	record Verified(String deliveryId, String eventType, Map<String, String> keptHeaders) implements SchemeVerdict {
	}

	/**
	 * The signature (or token) is missing or wrong: nothing from this request is trusted.
	 */
	record BadSignature(String reason) implements SchemeVerdict {
	}

	/**
	 * Signed correctly, but not what the provider sends (a missing header, a body of the
	 * wrong shape).
	 */
	record Malformed(String reason) implements SchemeVerdict {
	}

}
