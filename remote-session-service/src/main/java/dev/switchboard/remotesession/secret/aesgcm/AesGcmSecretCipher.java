package dev.switchboard.remotesession.secret.aesgcm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.remotesession.secret.SecretCipher;

import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM from Spring Security Crypto ({@link AesBytesEncryptor}, a random 96-bit IV
 * per value; its output is IV, ciphertext and the 128-bit tag). Stored as
 * {@code enc:v1:<keyId>:<base64url without padding>}; decryption picks the key by its id
 * among the current and the previous keys, new values always use the current key.
 */
@Component
class AesGcmSecretCipher implements SecretCipher {

	private static final String ENCRYPTED = "enc:";

	private static final String VERSION_1 = "enc:v1:";

	private final String currentKeyId;

	private final BytesEncryptor currentKey;

	private final Map<String, BytesEncryptor> keys = new LinkedHashMap<>();

	AesGcmSecretCipher(EncryptionProperties properties) {
		EncryptionKey current = properties.currentKey();
		this.currentKeyId = current.id();
		this.currentKey = encryptor(current);
		this.keys.put(current.id(), this.currentKey);
		properties.previous().forEach((previous) -> this.keys.putIfAbsent(previous.id(), encryptor(previous)));
	}

	@Override
	public String encrypt(String plaintext) {
		byte[] sealed = this.currentKey.encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
		return VERSION_1 + this.currentKeyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
	}

	@Override
	public String decrypt(String stored) {
		if (!stored.startsWith(ENCRYPTED)) {
			// written before encryption at rest: readable until its row is written again
			return stored;
		}
		if (!stored.startsWith(VERSION_1)) {
			throw new IllegalStateException("stored secret has an unknown format version");
		}
		int separator = stored.indexOf(':', VERSION_1.length());
		if (separator < 0) {
			throw new IllegalStateException("stored secret lacks its key id");
		}
		String keyId = stored.substring(VERSION_1.length(), separator);
		BytesEncryptor key = this.keys.get(keyId);
		if (key == null) {
			throw new IllegalStateException("stored secret was encrypted with key " + keyId
					+ ", which is neither SWITCHBOARD_ENCRYPTION_KEY nor in SWITCHBOARD_ENCRYPTION_PREVIOUSKEYS");
		}
		byte[] sealed;
		try {
			sealed = Base64.getUrlDecoder().decode(stored.substring(separator + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("stored secret is not base64url");
		}
		try {
			return new String(key.decrypt(sealed), StandardCharsets.UTF_8);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("stored secret does not decrypt with key " + keyId + " (altered?)");
		}
	}

	private static BytesEncryptor encryptor(EncryptionKey key) {
		return new AesBytesEncryptor(key.secretKey(), KeyGenerators.secureRandom(12),
				AesBytesEncryptor.CipherAlgorithm.GCM);
	}

	@Override
	public String toString() {
		return "AesGcmSecretCipher[currentKey=" + this.currentKeyId + ", keys=" + this.keys.size() + "]";
	}

}
