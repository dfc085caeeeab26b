package dev.switchboard.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;

/**
 * The constant-time comparisons every check uses. The digests themselves are computed by
 * {@code webhook-signatures}, the one implementation of each provider's scheme.
 */
public final class Signatures {

	private Signatures() {
	}

	/**
	 * Compares an expected digest with the one a request carries without leaking where
	 * the first difference is; a missing one (a header not in the scheme's form) never
	 * matches.
	 */
	public static boolean constantTimeEquals(byte[] expected, byte @Nullable [] presented) {
		return presented != null && MessageDigest.isEqual(expected, presented);
	}

	/** Compares a secret token without leaking where the first difference is. */
	public static boolean constantTimeEquals(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
