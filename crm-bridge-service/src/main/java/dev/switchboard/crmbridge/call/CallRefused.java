package dev.switchboard.crmbridge.call;

/**
 * A call Switchboard will not place: a number missing, invalid, or outside the dial
 * policy ({@link DialPolicy}). The message says why, in words for the agent.
 */
public class CallRefused extends RuntimeException {

	private final Party party;

	private final String reason;

	public CallRefused(Party party, String reason, String message) {
		super(message, null, false, false);
		this.party = party;
		this.reason = reason;
	}

	/** Whose number was refused. */
	public Party party() {
		return this.party;
	}

	/**
	 * A short word for metrics and API clients: {@code missing}, {@code invalid},
	 * {@code region}, {@code premium-rate}, {@code shared-cost}, {@code uan},
	 * {@code voicemail}, {@code pager}, {@code personal-number}, {@code unknown-type}.
	 */
	public String reason() {
		return this.reason;
	}

	/** The two ends of a Switchboard call. */
	public enum Party {

		/** Rung first: the agent's phone. */
		AGENT("agentPhone", "the agent's number"),

		/** Dialled once the agent answers. */
		CUSTOMER("customerPhone", "the customer's number");

		private final String field;

		private final String words;

		Party(String field, String words) {
			this.field = field;
			this.words = words;
		}

		/** The API field that carries this party's number. */
		public String field() {
			return this.field;
		}

		/** How a message names the number. */
		public String words() {
			return this.words;
		}

	}

}
