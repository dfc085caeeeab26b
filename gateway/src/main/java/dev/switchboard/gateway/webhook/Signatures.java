package dev.switchboard.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMACs the providers sign with, and the constant-time comparison every check uses.
 */
public final class Signatures {

	private Signatures() {
	}

	public static byte[] hmacSha256(String key, byte[]... parts) {
		return hmac("HmacSHA256", key.getBytes(StandardCharsets.UTF_8), parts);
	}

	public static byte[] hmacSha1(String key, byte[]... parts) {
		return hmac("HmacSHA1", key.getBytes(StandardCharsets.UTF_8), parts);
	}

	public static String hex(byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

	public static String base64(byte[] digest) {
		return Base64.getEncoder().encodeToString(digest);
	}

	/** Compares without leaking where the first difference is. */
	public static boolean constantTimeEquals(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(String algorithm, byte[] key, byte[]... parts) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			for (byte[] part : parts) {
				mac.update(part);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is not available", ex);
		}
	}

}
