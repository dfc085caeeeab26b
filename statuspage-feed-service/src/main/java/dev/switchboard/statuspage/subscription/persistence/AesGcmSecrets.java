package dev.switchboard.statuspage.subscription.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Seals secrets stored in columns with AES-256-GCM (Spring Security Crypto, a random
 * 96-bit IV per value): {@code enc:v1:<keyId>:<base64url of iv + ciphertext + tag>}, the
 * key id being the first 8 hex digits of the SHA-256 of the key. Writes use
 * {@code SWITCHBOARD_ENCRYPTION_KEY}; reads pick the key by its id among it and
 * {@code SWITCHBOARD_ENCRYPTION_PREVIOUSKEYS}, so a rotated key still decrypts. A value
 * without the prefix was stored before encryption and is read as it is.
 */
@Component
class AesGcmSecrets {

	static final String PREFIX = "enc:v1:";

	private final String currentId;

	/** The current key's encryptor, also in {@link #keys}: every seal uses it. */
	private final BytesEncryptor current;

	private final Map<String, BytesEncryptor> keys = new LinkedHashMap<>();

	@Autowired
	AesGcmSecrets(EncryptionProperties properties) {
		this(properties.currentKey(), properties.previousKeyBytes());
	}

	/** Keys as bytes (tests, and rotations from a test's point of view). */
	AesGcmSecrets(byte[] current, List<byte[]> previous) {
		this.currentId = id(current);
		this.current = encryptor(current);
		this.keys.put(this.currentId, this.current);
		for (byte[] key : previous) {
			this.keys.putIfAbsent(id(key), encryptor(key));
		}
	}

	/** The value as it is stored. */
	String seal(String plain) {
		byte[] sealed = this.current.encrypt(plain.getBytes(StandardCharsets.UTF_8));
		return PREFIX + this.currentId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
	}

	/** The stored value's plain text. */
	String open(String stored) {
		if (!stored.startsWith(PREFIX)) {
			return stored;
		}
		int colon = stored.indexOf(':', PREFIX.length());
		if (colon < 0) {
			throw new IllegalStateException("A stored secret is malformed");
		}
		String keyId = stored.substring(PREFIX.length(), colon);
		BytesEncryptor encryptor = this.keys.get(keyId);
		if (encryptor == null) {
			throw new IllegalStateException("A stored secret is sealed with key " + keyId + ", which is neither "
					+ EncryptionProperties.KEY_VARIABLE + " nor in " + EncryptionProperties.PREVIOUS_KEYS_VARIABLE);
		}
		byte[] plain = encryptor.decrypt(Base64.getUrlDecoder().decode(stored.substring(colon + 1)));
		return new String(plain, StandardCharsets.UTF_8);
	}

	/** Whether the stored value is sealed with the current key (else it is rewritten). */
	boolean current(String stored) {
		return stored.startsWith(PREFIX + this.currentId + ":");
	}

	private static BytesEncryptor encryptor(byte[] key) {
		return new AesBytesEncryptor(new SecretKeySpec(key, "AES"), KeyGenerators.secureRandom(12),
				AesBytesEncryptor.CipherAlgorithm.GCM);
	}

	static String id(byte[] key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
