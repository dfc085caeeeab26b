package dev.switchboard.statuspage.subscription.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class AesGcmSecretsTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private final byte[] oldKey = randomKey();

	private final byte[] newKey = randomKey();

	@Test
	void sealsWithTheCurrentKeyInTheVersionedFormatAndOpensIt() {
		AesGcmSecrets secrets = new AesGcmSecrets(this.oldKey, List.of());

		String sealed = secrets.seal(SECRET);

		assertThat(sealed).startsWith("enc:v1:" + AesGcmSecrets.id(this.oldKey) + ":")
			.doesNotContain(SECRET)
			.doesNotContain("MfKQ9r8G")
			.matches("enc:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+");
		byte[] body = Base64.getUrlDecoder().decode(sealed.substring("enc:v1:12345678:".length()));
		// a 12-byte IV, the text, a 16-byte GCM tag
		assertThat(body).hasSize(12 + SECRET.length() + 16);
		assertThat(secrets.open(sealed)).isEqualTo(SECRET);
		assertThat(secrets.current(sealed)).isTrue();
	}

	@Test
	void sealsTheSameTextDifferentlyEachTime() {
		AesGcmSecrets secrets = new AesGcmSecrets(this.oldKey, List.of());

		assertThat(secrets.seal(SECRET)).isNotEqualTo(secrets.seal(SECRET));
	}

	@Test
	void opensWhatAPreviousKeySealedAfterARotationAndSealsAnewWithTheNewKey() {
		String sealedBefore = new AesGcmSecrets(this.oldKey, List.of()).seal(SECRET);
		AesGcmSecrets rotated = new AesGcmSecrets(this.newKey, List.of(this.oldKey));

		assertThat(rotated.open(sealedBefore)).isEqualTo(SECRET);
		assertThat(rotated.current(sealedBefore)).isFalse();
		String sealedAfter = rotated.seal(SECRET);
		assertThat(sealedAfter).startsWith("enc:v1:" + AesGcmSecrets.id(this.newKey) + ":");
		assertThat(rotated.current(sealedAfter)).isTrue();
	}

	@Test
	void refusesToOpenWhatAKeyItDoesNotHaveSealedNamingTheVariables() {
		String sealed = new AesGcmSecrets(this.oldKey, List.of()).seal(SECRET);
		AesGcmSecrets withoutTheOldKey = new AesGcmSecrets(this.newKey, List.of());

		assertThatIllegalStateException().isThrownBy(() -> withoutTheOldKey.open(sealed))
			.withMessageContaining("SWITCHBOARD_ENCRYPTION_KEY")
			.withMessageContaining("SWITCHBOARD_ENCRYPTION_PREVIOUSKEYS");
	}

	@Test
	void refusesATamperedValue() {
		AesGcmSecrets secrets = new AesGcmSecrets(this.oldKey, List.of());
		String sealed = secrets.seal(SECRET);
		char last = sealed.charAt(sealed.length() - 2);
		String tampered = sealed.substring(0, sealed.length() - 2) + ((last == 'A') ? 'B' : 'A')
				+ sealed.charAt(sealed.length() - 1);

		assertThatIllegalStateException().isThrownBy(() -> secrets.open(tampered));
	}

	@Test
	void readsAValueStoredBeforeEncryptionAsItIs() {
		AesGcmSecrets secrets = new AesGcmSecrets(this.newKey, List.of());

		assertThat(secrets.open(SECRET)).isEqualTo(SECRET);
		assertThat(secrets.current(SECRET)).isFalse();
	}

	@Test
	void namesAKeyByTheFirstEightHexDigitsOfItsSha256() {
		// sha256 of 32 zero bytes:
		// 66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925
		assertThat(AesGcmSecrets.id(new byte[32])).isEqualTo("66687aad");
	}

	static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

}
