package dev.switchboard.remotesession.session;

/** The session is in a final state already. */
public class SessionOverException extends RuntimeException {

	public SessionOverException(Session session) {
		super("Session " + session.id() + " is " + session.state().id() + " already");
	}

}
