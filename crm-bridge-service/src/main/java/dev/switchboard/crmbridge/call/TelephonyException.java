package dev.switchboard.crmbridge.call;

/** The phone system did not place a call, or did not say whether it did. */
public class TelephonyException extends RuntimeException {

	private final Outcome outcome;

	public TelephonyException(String message, Outcome outcome) {
		super(message, null, false, false);
		this.outcome = outcome;
	}

	/** What the failure means for the call. */
	public Outcome outcome() {
		return this.outcome;
	}

	/** 4xx (the request is wrong), as opposed to unreachable or 5xx. */
	public boolean refused() {
		return this.outcome == Outcome.REFUSED;
	}

	/** What a failed request to the phone system leaves behind. */
	public enum Outcome {

		/**
		 * A 4xx other than 429: the request or the account's settings are wrong; nothing
		 * was dialled and asking again will not help.
		 */
		REFUSED,

		/**
		 * Unreachable or busy (connection refused, 429, 503), still after the adapter's
		 * retries: nothing was dialled; later it may work.
		 */
		UNAVAILABLE,

		/**
		 * The request was sent and no clear answer came back (a timeout, another 5xx, an
		 * unreadable answer): the call may have started.
		 */
		UNCERTAIN

	}

}
