package dev.switchboard.remotesession.secret.aesgcm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * One AES-256 key: base64 of exactly 32 random bytes ({@code openssl rand -base64 32}).
 * Its id is the first 8 hex digits of the SHA-256 of the key bytes, stored with every
 * value it encrypted so that the right key is found after a rotation. Never printed.
 */
record EncryptionKey(String id, byte[] bytes) {

	static final int LENGTH = 32;

	/** Fewer distinct byte values among 32 than this is not a random key. */
	static final int MINIMUM_DISTINCT_BYTES = 16;

	/**
	 * @param variable the environment variable that sets it, named in every refusal
	 * @throws IllegalArgumentException naming the variable, never the value
	 */
	static EncryptionKey parse(@Nullable String encoded, String variable) {
		String value = (encoded != null) ? encoded.strip() : "";
		if (value.isEmpty() || value.startsWith("${")) {
			throw new IllegalArgumentException(
					variable + " is not set: set it to a new key, e.g. the output of " + "'openssl rand -base64 32'");
		}
		if (value.toLowerCase(Locale.ROOT).startsWith("change-me")) {
			throw new IllegalArgumentException(variable
					+ " still holds the placeholder of .env.example: set it to the output of 'openssl rand -base64 32'");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(variable + " is not base64: use 'openssl rand -base64 32'");
		}
		if (bytes.length != LENGTH) {
			throw new IllegalArgumentException(variable + " must be base64 of exactly " + LENGTH + " bytes, not "
					+ bytes.length + ": use 'openssl rand -base64 32'");
		}
		boolean[] seen = new boolean[256];
		int distinct = 0;
		for (byte b : bytes) {
			if (!seen[b & 0xff]) {
				seen[b & 0xff] = true;
				distinct++;
			}
		}
		if (distinct < MINIMUM_DISTINCT_BYTES) {
			throw new IllegalArgumentException(variable + " has too little entropy (" + distinct
					+ " distinct byte values in " + LENGTH + "): use 'openssl rand -base64 32'");
		}
		return new EncryptionKey(idOf(bytes), bytes);
	}

	SecretKey secretKey() {
		return new SecretKeySpec(this.bytes, "AES");
	}

	private static String idOf(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EncryptionKey key && MessageDigest.isEqual(key.bytes, this.bytes);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "EncryptionKey[id=" + this.id + "]";
	}

}
