package dev.switchboard.signatures;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 and HMAC-SHA1 keyed with a secret's UTF-8 bytes (as every provider here
 * keys them), over parts joined without separator.
 */
final class Hmac {

	private Hmac() {
	}

	static byte[] sha256(String secret, byte[]... parts) {
		return mac("HmacSHA256", secret.getBytes(StandardCharsets.UTF_8), parts);
	}

	static byte[] sha1(String secret, byte[]... parts) {
		return mac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8), parts);
	}

	private static byte[] mac(String algorithm, byte[] key, byte[]... parts) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			for (byte[] part : parts) {
				mac.update(part);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is part of every JDK", ex);
		}
	}

}
