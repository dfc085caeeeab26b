package dev.switchboard.gateway.console;

import dev.switchboard.gateway.access.Operation;
import dev.switchboard.gateway.access.Role;

/**
 * Who a live console session is: its key's name, the role that key has now (the
 * configuration decides on every request, not the session), and the CSRF token its forms
 * send back.
 */
public record ConsoleUser(String keyName, Role role, String csrfToken) {

	public boolean may(Operation operation) {
		return this.role.may(operation);
	}

	@Override
	public String toString() {
		return "ConsoleUser[keyName=" + this.keyName + ", role=" + this.role + "]";
	}

}
