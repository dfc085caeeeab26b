package dev.switchboard.sandbox.guacamole;

import java.util.List;

/** What Guacamole answers a login with encrypted JSON. */
public sealed interface LoginOutcome {

	/** Verified and not expired: a token and the connections the JSON grants. */
	record Accepted(String authToken, String username, List<GuacamoleConnection> connections) implements LoginOutcome {

		public Accepted {
			connections = List.copyOf(connections);
		}

	}

	/**
	 * An invalid login: the user sees only that, the reason goes to Guacamole's log (and
	 * the sandbox's page).
	 */
	record Refused(String reason) implements LoginOutcome {
	}

}
