package dev.switchboard.remotesession.session;

import java.util.UUID;

/** No session with that id. */
public class SessionNotFoundException extends RuntimeException {

	public SessionNotFoundException(UUID id) {
		super("No session " + id);
	}

}
