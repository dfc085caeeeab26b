package dev.switchboard.issuesync.access;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.internal-token}: shared by the gateway and the services, sent by the
 * gateway as {@code X-Switchboard-Internal-Token} on every call it forwards (this
 * service's copy; the services share contracts only). Required: set
 * {@code SWITCHBOARD_INTERNAL_TOKEN}, of enough entropy. Binding it also refuses to start
 * while any environment variable still holds a placeholder of {@code .env.example}
 * ({@code change-me…}), naming the variable.
 */
@ConfigurationProperties("switchboard")
public record InternalTokenProperties(String internalToken) {

	public static final String HEADER = "X-Switchboard-Internal-Token";

	private static final int MINIMUM_LENGTH = 16;

	/** Estimated from the token's own characters (their Shannon entropy times length). */
	private static final double MINIMUM_BITS = 64;

	private static final String PLACEHOLDER = "change-me";

	public InternalTokenProperties {
		// an unresolved ${SWITCHBOARD_INTERNAL_TOKEN} arrives as that literal text: never
		// accept it as a token
		if (internalToken == null || internalToken.isBlank() || internalToken.startsWith("${")) {
			throw new IllegalArgumentException("switchboard.internal-token is not set: set the environment variable "
					+ "SWITCHBOARD_INTERNAL_TOKEN (./switchboard run generates one per run)");
		}
		refusePlaceholders(Map.of("SWITCHBOARD_INTERNAL_TOKEN", internalToken));
		refusePlaceholders(System.getenv());
		if (internalToken.length() < MINIMUM_LENGTH || estimatedBits(internalToken) < MINIMUM_BITS) {
			throw new IllegalArgumentException("SWITCHBOARD_INTERNAL_TOKEN is too easy to guess (at least "
					+ MINIMUM_LENGTH + " characters and about " + (int) MINIMUM_BITS
					+ " bits of entropy): use e.g. 'openssl rand -hex 32'");
		}
	}

	/**
	 * Fails naming the first variable whose value is still a placeholder of
	 * {@code .env.example}.
	 */
	public static void refusePlaceholders(Map<String, String> environment) {
		new TreeMap<>(environment).forEach((name, value) -> {
			if (value != null && value.strip().toLowerCase(java.util.Locale.ROOT).startsWith(PLACEHOLDER)) {
				throw new IllegalArgumentException(name + " still holds the placeholder of .env.example ('"
						+ PLACEHOLDER + "…'): set a real value, e.g. 'openssl rand -hex 32'");
			}
		});
	}

	/** The token's length times the Shannon entropy of its characters, in bits. */
	public static double estimatedBits(String token) {
		Map<Integer, Integer> counts = new HashMap<>();
		token.codePoints().forEach((c) -> counts.merge(c, 1, Integer::sum));
		double length = token.codePointCount(0, token.length());
		double perCharacter = 0;
		for (int count : counts.values()) {
			double p = count / length;
			perCharacter -= p * (Math.log(p) / Math.log(2));
		}
		return perCharacter * length;
	}

	@Override
	public String toString() {
		return "InternalTokenProperties[internalToken=***]";
	}

}
