package dev.switchboard.sandbox.zendesk;

/**
 * Why Zendesk refuses an update, with the HTTP status and error body it answers.
 */
public sealed interface UpdateRefused {

	int httpStatus();

	String error();

	String description();

	/** A closed ticket is archived: Zendesk answers 422 to any update of it. */
	record Closed(long ticketId) implements UpdateRefused {

		@Override
		public int httpStatus() {
			return 422;
		}

		@Override
		public String error() {
			return "RecordInvalid";
		}

		@Override
		public String description() {
			return "Status: closed prevents ticket update";
		}

	}

	/** {@code safe_update} with an {@code updated_stamp} older than the ticket. */
	record Conflict(long ticketId) implements UpdateRefused {

		@Override
		public int httpStatus() {
			return 409;
		}

		@Override
		public String error() {
			return "UpdateConflict";
		}

		@Override
		public String description() {
			return "Safe Update prevented the update due to outdated ticket data";
		}

	}

	/** Not a Zendesk status. */
	record UnknownStatus(String status) implements UpdateRefused {

		@Override
		public int httpStatus() {
			return 422;
		}

		@Override
		public String error() {
			return "RecordInvalid";
		}

		@Override
		public String description() {
			return "Status: " + status + " is not a valid status";
		}

	}

	/**
	 * More than {@link Helpdesk#UPDATES_PER_WINDOW} updates of one ticket by one user in
	 * {@link Helpdesk#UPDATE_WINDOW}: 429 with {@code Retry-After} in seconds.
	 */
	record RateLimited(long ticketId, long retryAfterSeconds) implements UpdateRefused {

		@Override
		public int httpStatus() {
			return 429;
		}

		@Override
		public String error() {
			return "TooManyRequests";
		}

		@Override
		public String description() {
			return "Rate limit for ticket updates exceeded, please wait before updating this ticket again";
		}

	}

}
