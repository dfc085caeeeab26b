package dev.switchboard.gateway.webhook;

import java.util.UUID;

/** What became of one webhook request. */
public sealed interface IngressOutcome {

	/** Verified and confirmed by the broker. */
	record Accepted(UUID eventId, String deliveryId) implements IngressOutcome {
	}

	/** Verified, and published before: answered 2xx without publishing it again. */
	record Duplicate(UUID eventId, String deliveryId) implements IngressOutcome {
	}

	/** No such provider, or it is switched off (no secret configured). */
	record UnknownProvider(String provider) implements IngressOutcome {
	}

	record Unauthorized(String reason) implements IngressOutcome {
	}

	record Malformed(String reason) implements IngressOutcome {
	}

	/** Verified but not confirmed by the broker: the provider should retry later. */
	record Unavailable(String reason) implements IngressOutcome {
	}

}
