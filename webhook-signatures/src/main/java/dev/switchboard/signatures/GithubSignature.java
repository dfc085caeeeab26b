package dev.switchboard.signatures;

import org.jspecify.annotations.Nullable;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the lowercase hex
 * HMAC-SHA256, keyed with the webhook's secret, of the raw body.
 */
public final class GithubSignature {

	public static final String HEADER = "X-Hub-Signature-256";

	private static final String PREFIX = "sha256=";

	private GithubSignature() {
	}

	/** The raw HMAC-SHA256 of the body. */
	public static byte[] digest(String secret, byte[] body) {
		return Hmac.sha256(secret, body);
	}

	/** The header value GitHub sends. */
	public static String sign(String secret, byte[] body) {
		return PREFIX + Encoding.hex(digest(secret, body));
	}

	/**
	 * The digest a header value carries, or null when it is not {@code sha256=} and 64
	 * lowercase hex digits.
	 */
	public static byte @Nullable [] digestOf(String header) {
		return header.startsWith(PREFIX) ? Encoding.lowerHex(header.substring(PREFIX.length()), 32) : null;
	}

}
