package dev.switchboard.crmbridge.call;

/** What a {@code /call} note led to. */
public sealed interface NoteCall {

	/** The agent's phone rings; the call is logged on the ticket. */
	record Placed(CallLog call) implements NoteCall {
	}

	/**
	 * Not dialled (a number missing or refused by the dial policy); an internal note on
	 * the ticket tells the agent why.
	 *
	 * @param reason {@link CallRefused#reason()}
	 */
	record Refused(String reason) implements NoteCall {
	}

	/**
	 * The phone system did not place the call (not configured, refusing, unavailable, or
	 * no clear answer); an internal note on the ticket tells the agent.
	 *
	 * @param reason {@code not-configured}, {@code refused}, {@code unavailable} or
	 * {@code uncertain}
	 */
	record NotPlaced(String reason) implements NoteCall {
	}

	/** The note was acted on before (a redelivered event): nothing done again. */
	record AlreadyActedOn() implements NoteCall {
	}

}
