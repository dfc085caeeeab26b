package dev.switchboard.issuesync.tracker;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Why a tracker call failed, mapped at the adapter boundary. Messages name the tracker,
 * the issue and the status, never response bodies.
 */
public abstract sealed class TrackerFailure extends RuntimeException
		permits TrackerFailure.NotFound, TrackerFailure.Forbidden, TrackerFailure.Unauthorized,
		TrackerFailure.RateLimited, TrackerFailure.Unavailable, TrackerFailure.Malformed {

	private final Tracker tracker;

	private final String message;

	TrackerFailure(Tracker tracker, String message, @Nullable Throwable cause) {
		super(tracker.displayName() + ": " + message, cause);
		this.tracker = tracker;
		this.message = tracker.displayName() + ": " + message;
	}

	public Tracker tracker() {
		return this.tracker;
	}

	/**
	 * Always there: the tracker and what failed (ticket notes and problem details show
	 * it).
	 */
	@Override
	public String getMessage() {
		return this.message;
	}

	/** 404 (or 410): the issue does not exist, or the token cannot see it. */
	public static final class NotFound extends TrackerFailure {

		public NotFound(Tracker tracker, String what) {
			super(tracker, what + " not found", null);
		}

	}

	/** 403 that is not a rate limit: no permission. */
	public static final class Forbidden extends TrackerFailure {

		public Forbidden(Tracker tracker, String what) {
			super(tracker, "no permission to read " + what, null);
		}

	}

	/** 401: the configured credentials are wrong or expired. */
	public static final class Unauthorized extends TrackerFailure {

		public Unauthorized(Tracker tracker) {
			super(tracker, "credentials refused (401)", null);
		}

	}

	/** 429 or a 403 rate limit: try again at {@link #retryAt()}. */
	public static final class RateLimited extends TrackerFailure {

		private final Instant retryAt;

		private final boolean shortWait;

		public RateLimited(Tracker tracker, Instant retryAt, boolean shortWait) {
			super(tracker, "rate limited until " + retryAt, null);
			this.retryAt = retryAt;
			this.shortWait = shortWait;
		}

		public Instant retryAt() {
			return this.retryAt;
		}

		/** Short enough to retry in place (seconds), rather than park. */
		public boolean shortWait() {
			return this.shortWait;
		}

	}

	/** 5xx, a timeout or a connection failure. */
	public static final class Unavailable extends TrackerFailure {

		public Unavailable(Tracker tracker, String what, @Nullable Throwable cause) {
			super(tracker, what, cause);
		}

	}

	/** A 2xx whose body is not what the API documents. */
	public static final class Malformed extends TrackerFailure {

		public Malformed(Tracker tracker, String what, @Nullable Throwable cause) {
			super(tracker, "unreadable response for " + what, cause);
		}

	}

}
