package dev.switchboard.statuspage.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.internal-token}: the token the gateway sends as
 * {@code X-Switchboard-Internal-Token} on every {@code /api/**} call. Required: set
 * {@code SWITCHBOARD_INTERNAL_TOKEN}.
 */
@ConfigurationProperties("switchboard")
public record InternalTokenProperties(String internalToken) {

	public static final String HEADER = "X-Switchboard-Internal-Token";

	private static final int MINIMUM_LENGTH = 16;

	public InternalTokenProperties {
		// an unresolved ${SWITCHBOARD_INTERNAL_TOKEN} arrives as that literal text: never
		// accept it as a token
		if (internalToken == null || internalToken.isBlank() || internalToken.startsWith("${")) {
			throw new IllegalArgumentException("switchboard.internal-token is not set: set the environment variable "
					+ "SWITCHBOARD_INTERNAL_TOKEN (./switchboard run generates one per run)");
		}
		if (internalToken.length() < MINIMUM_LENGTH) {
			throw new IllegalArgumentException("SWITCHBOARD_INTERNAL_TOKEN is shorter than " + MINIMUM_LENGTH
					+ " characters: use e.g. 'openssl rand -hex 32'");
		}
	}

	@Override
	public String toString() {
		return "InternalTokenProperties[internalToken=***]";
	}

}
