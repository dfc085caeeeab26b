package dev.switchboard.crmbridge.ticket;

import java.time.Duration;

/**
 * What went wrong talking to the helpdesk, mapped at the adapter boundary; the drain
 * decides per case (park, retry later, dead-letter, pause).
 */
public sealed interface HelpdeskFailure {

	String describe();

	/** 429: wait {@code retryAfter} before the next request. */
	record RateLimited(Duration retryAfter) implements HelpdeskFailure {
		public String describe() {
			return "rate limited, retry after " + this.retryAfter;
		}
	}

	/** 5xx, timeouts, connection failures, after the adapter's own retries. */
	record Unavailable(String reason) implements HelpdeskFailure {
		public String describe() {
			return "unavailable: " + this.reason;
		}
	}

	/** 404: the ticket does not exist (or was deleted). */
	record NotFound(String ticketId) implements HelpdeskFailure {
		public String describe() {
			return "ticket " + this.ticketId + " not found";
		}
	}

	/** 409: {@code safe_update} refused, the ticket changed since it was read. */
	record Conflict(String ticketId) implements HelpdeskFailure {
		public String describe() {
			return "ticket " + this.ticketId + " changed since it was read";
		}
	}

	/** 401/403: the credentials are wrong or lack permission. */
	record Unauthorized(int status) implements HelpdeskFailure {
		public String describe() {
			return "credentials refused (HTTP " + this.status + ")";
		}
	}

	/** Another 4xx (e.g. 422): the request itself is refused; retrying will not help. */
	record Rejected(int status, String reason) implements HelpdeskFailure {
		public String describe() {
			return "refused (HTTP " + this.status + "): " + this.reason;
		}
	}

	/** A 2xx whose body is not what the API documents. */
	record Malformed(String reason) implements HelpdeskFailure {
		public String describe() {
			return "unreadable response: " + this.reason;
		}
	}

}
