package dev.switchboard.remotesession.session;

import java.util.Map;

/**
 * The one machine a Guacamole session opens: protocol ({@code rdp}, {@code vnc},
 * {@code ssh}, …), host, port and further Guacamole connection parameters.
 */
public record Connection(String protocol, String hostname, int port, Map<String, String> parameters) {

	public Connection {
		if (protocol.isBlank() || hostname.isBlank()) {
			throw new IllegalArgumentException("a connection needs a protocol and a hostname");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port must be between 1 and 65535");
		}
		parameters = Map.copyOf(parameters);
	}

	/**
	 * Never prints the parameters: they may carry the target's password.
	 */
	@Override
	public String toString() {
		return "Connection[" + this.protocol + "://" + this.hostname + ":" + this.port + "]";
	}

}
