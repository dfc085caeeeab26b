package dev.switchboard.gateway.webhook.github;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's signature: {@code sha256=} and the lowercase hex HMAC-SHA256 of the raw body.
 */
final class HmacSha256 {

	private static final String PREFIX = "sha256=";

	private HmacSha256() {
	}

	static String sign(String secret, byte[] body) {
		return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
	}

	/**
	 * Constant-time comparison of the header with the expected signature; the header's
	 * case is ignored.
	 */
	static boolean matches(String secret, byte[] body, String header) {
		if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return false;
		}
		byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = (PREFIX + header.substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT))
			.getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, actual);
	}

	private static byte[] hmac(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
