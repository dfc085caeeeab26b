package dev.switchboard.remotesession.secret;

/**
 * Encrypts a secret before it is stored and decrypts it when it is read. Stored form:
 * {@code enc:v1:<keyId>:<base64url of iv, ciphertext and tag>}; a stored value without
 * the {@code enc:} prefix was written before encryption and is returned as it is.
 */
public interface SecretCipher {

	String encrypt(String plaintext);

	/**
	 * @throws IllegalStateException when the value was encrypted with a key that is
	 * neither the current nor a previous one, or was altered
	 */
	String decrypt(String stored);

}
