package dev.switchboard.sandbox.guacamole;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The verified JSON of an encrypted JSON login.
 *
 * @param expires after this the data is refused, however well signed (none: never)
 * @param connections by their unique names
 */
record AuthData(String username, @Nullable Instant expires, Map<String, ConnectionConfig> connections) {

	AuthData {
		connections = Map.copyOf(connections);
	}

	/**
	 * One connection: its protocol and parameters ({@code hostname}, {@code port}, …).
	 */
	record ConnectionConfig(String protocol, Map<String, String> parameters) {

		ConnectionConfig {
			parameters = Map.copyOf(parameters);
		}

	}

}
