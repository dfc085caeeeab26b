package dev.switchboard.sandbox.teams;

import java.time.Duration;

/** What a Workflows webhook answers a post. */
public sealed interface TeamsOutcome {

	/** 202 Accepted: the flow runs and posts the card. */
	record Accepted(TeamsPost post) implements TeamsOutcome {
	}

	/** 401: the URL's {@code sig} does not match the workflow's. */
	record Unauthorized() implements TeamsOutcome {
	}

	/** 404: no such workflow. */
	record NotFound() implements TeamsOutcome {
	}

	/** 413: over Teams' 28 KB per message. */
	record TooLarge(int bytes) implements TeamsOutcome {
	}

	/** 400: not a message carrying an Adaptive Card. */
	record Malformed(String reason) implements TeamsOutcome {
	}

	/** 429 with {@code Retry-After}: more than a few posts a second to one workflow. */
	record RateLimited(Duration retryAfter) implements TeamsOutcome {
	}

}
