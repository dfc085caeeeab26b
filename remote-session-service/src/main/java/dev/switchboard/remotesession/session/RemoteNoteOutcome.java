package dev.switchboard.remotesession.session;

/** What a ticket event did as a {@code /remote} note. */
public sealed interface RemoteNoteOutcome {

	/** Not a {@code /remote} note (or not one this service acts on). */
	record Ignored() implements RemoteNoteOutcome {
	}

	/**
	 * The note started a session, found the one it started before, or parked its start; a
	 * session the vendor refused is here too (failed, the ticket told).
	 */
	record Requested(Session session) implements RemoteNoteOutcome {
	}

	/** No session could be asked for; the ticket got one note saying what to fix. */
	record NotStarted(String advice) implements RemoteNoteOutcome {
	}

}
