package dev.switchboard.crmbridge.call;

/** What a {@code /call} note led to. */
public sealed interface NoteCall {

	/** The agent's phone rings; the call is logged on the ticket. */
	record Placed(CallLog call) implements NoteCall {
	}

	/**
	 * Not dialled; an internal note on the ticket tells the agent why.
	 *
	 * @param reason {@link CallRefused#reason()}
	 */
	record Refused(String reason) implements NoteCall {
	}

	/** The note was acted on before (a redelivered event): nothing done again. */
	record AlreadyActedOn() implements NoteCall {
	}

}
