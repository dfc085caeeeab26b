package dev.switchboard.sandbox.slack;

import java.time.Duration;

/** What {@code chat.postMessage} answers: the message, or a rate limit. */
public sealed interface PostOutcome {

	record Posted(Message message) implements PostOutcome {
	}

	/** HTTP 429 with {@code Retry-After} in whole seconds. */
	record RateLimited(Duration retryAfter) implements PostOutcome {
	}

}
