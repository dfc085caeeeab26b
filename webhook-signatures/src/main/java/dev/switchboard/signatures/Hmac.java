package dev.switchboard.signatures;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 and HMAC-SHA1 keyed with a secret's UTF-8 bytes (as every provider here
 * keys them), over parts joined without separator.
 */
final class Hmac {

	/**
	 * Never initialised, only cloned: {@code Mac.getInstance} searches the security
	 * providers on every call, which a gateway verifying thousands of deliveries a second
	 * paid on each (issue 19). A clone of the provider's instance costs a copy of its
	 * digest state.
	 */
	private static final Mac SHA256 = prototype("HmacSHA256");

	private static final Mac SHA1 = prototype("HmacSHA1");

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
			Mac mac = newMac(algorithm);
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

	private static Mac newMac(String algorithm) throws NoSuchAlgorithmException {
		try {
			return (Mac) ("HmacSHA1".equals(algorithm) ? SHA1 : SHA256).clone();
		}
		catch (CloneNotSupportedException ex) {
			// a provider whose MACs cannot be cloned (none of the JDK's)
			return Mac.getInstance(algorithm);
		}
	}

	private static Mac prototype(String algorithm) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			// the provider is chosen here, once, rather than by the first clone
			mac.getProvider();
			return mac;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is part of every JDK", ex);
		}
	}

}
