package dev.switchboard.remotesession.secret.aesgcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The stored form {@code enc:v1:<keyId>:<base64url>} and key rotation: new values use the
 * current key, values of a previous key still decrypt, plain values written before
 * encryption are read as they are.
 */
class AesGcmSecretCipherTests {

	private static final String OLD = "QvDY4Fa8Ykm5lVjH3qMnOW6O1Eop0Mec9v6TxRTcVio=";

	private static final String NEW = "KHMg1qDNs6Q2w3zLfLEGq0UKoK6Aqp8kYUiALVsg0VA=";

	private static final String LINK = "https://guac.example.test/guacamole/#/?data=c2VjcmV0LXRva2Vu%2B";

	@Test
	void storesAValueAsVersionKeyIdAndUnpaddedBase64UrlThatDecryptsToTheValue() {
		AesGcmSecretCipher cipher = cipher(NEW);

		String stored = cipher.encrypt(LINK);

		// the key id is the first 8 hex digits of SHA-256 over the key bytes:
		// echo -n $NEW | base64 -d | sha256sum | cut -c1-8
		assertThat(stored).matches("enc:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+")
			.startsWith("enc:v1:edaa731d:")
			.doesNotContain("c2VjcmV0LXRva2Vu");
		// 12 bytes IV + ciphertext as long as the value + 16 bytes tag
		assertThat(stored.substring(16)).hasSize((int) Math.ceil((12 + LINK.length() + 16) * 4 / 3.0));
		assertThat(cipher.decrypt(stored)).isEqualTo(LINK);
		assertThat(cipher.encrypt(LINK)).as("a fresh IV per value").isNotEqualTo(stored);
	}

	@Test
	void decryptsWithAPreviousKeyAndEncryptsWithTheCurrentOne() {
		String storedWithOld = cipher(OLD).encrypt(LINK);
		AesGcmSecretCipher rotated = new AesGcmSecretCipher(new EncryptionProperties(NEW, List.of(OLD)));

		assertThat(rotated.decrypt(storedWithOld)).isEqualTo(LINK);
		String storedWithNew = rotated.encrypt(LINK);
		assertThat(storedWithNew).startsWith("enc:v1:edaa731d:");
		assertThat(cipher(NEW).decrypt(storedWithNew)).isEqualTo(LINK);
		// encrypted with the new key's bytes, not only labelled with its id
		assertThatIllegalStateException()
			.isThrownBy(() -> cipher(OLD).decrypt(storedWithNew.replace("edaa731d", "b5e42269")));
	}

	@Test
	void refusesAValueOfAKeyThatIsNeitherCurrentNorPreviousNamingTheVariables() {
		String storedWithOld = cipher(OLD).encrypt(LINK);

		assertThatIllegalStateException().isThrownBy(() -> cipher(NEW).decrypt(storedWithOld))
			.withMessageContaining("b5e42269")
			.withMessageContaining("SWITCHBOARD_ENCRYPTION_PREVIOUSKEYS");
	}

	@Test
	void refusesAnAlteredValue() {
		String stored = cipher(NEW).encrypt(LINK);
		char last = stored.charAt(stored.length() - 5);
		String altered = stored.substring(0, stored.length() - 5) + ((last == 'A') ? 'B' : 'A')
				+ stored.substring(stored.length() - 4);

		assertThatIllegalStateException().isThrownBy(() -> cipher(NEW).decrypt(altered)).withMessageNotContaining(LINK);
		assertThatIllegalStateException().isThrownBy(() -> cipher(NEW).decrypt("enc:v2:abc:def"));
		assertThatIllegalStateException().isThrownBy(() -> cipher(NEW).decrypt("enc:v1:nokeyid"));
	}

	@Test
	void readsAValueWrittenBeforeEncryptionAsItIs() {
		assertThat(cipher(NEW).decrypt(LINK)).isEqualTo(LINK);
	}

	private static AesGcmSecretCipher cipher(String key) {
		return new AesGcmSecretCipher(new EncryptionProperties(key, List.of()));
	}

}
