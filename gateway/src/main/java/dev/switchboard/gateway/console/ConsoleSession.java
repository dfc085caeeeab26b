package dev.switchboard.gateway.console;

import java.time.Instant;

/**
 * A signed-in console user.
 *
 * @param keyName the admin key it was made from (named in every log line of a change)
 * @param keySha256 that key's SHA-256: the session ends when the key is removed or
 * replaced
 * @param csrfToken what every state-changing form sends back
 */
public record ConsoleSession(String keyName, String keySha256, String csrfToken, Instant expiresAt) {

	@Override
	public String toString() {
		return "ConsoleSession[keyName=" + this.keyName + ", expiresAt=" + this.expiresAt + "]";
	}

}
