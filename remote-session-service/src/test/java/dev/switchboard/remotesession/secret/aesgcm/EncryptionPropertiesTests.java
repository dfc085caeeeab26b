package dev.switchboard.remotesession.secret.aesgcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * {@code switchboard.encryption.*}: start-up refuses a missing, placeholder, malformed or
 * guessable key, naming the variable and never printing the value.
 */
class EncryptionPropertiesTests {

	private static final String KEY = "KHMg1qDNs6Q2w3zLfLEGq0UKoK6Aqp8kYUiALVsg0VA=";

	private static final String PREVIOUS = "QvDY4Fa8Ykm5lVjH3qMnOW6O1Eop0Mec9v6TxRTcVio=";

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class);

	@Test
	void refusesToStartWithoutAKeyOrWithAnUnresolvedPlaceholderNamingTheVariable() {
		this.context.run((started) -> assertThat(started).getFailure()
			.rootCause()
			.hasMessageContaining("SWITCHBOARD_ENCRYPTION_KEY is not set"));
		this.context.withPropertyValues("switchboard.encryption.key=${SWITCHBOARD_ENCRYPTION_KEY}")
			.run((started) -> assertThat(started).getFailure()
				.rootCause()
				.hasMessageContaining("SWITCHBOARD_ENCRYPTION_KEY is not set"));
		this.context.withPropertyValues("switchboard.encryption.key=   ")
			.run((started) -> assertThat(started).getFailure()
				.rootCause()
				.hasMessageContaining("SWITCHBOARD_ENCRYPTION_KEY"));
	}

	@Test
	void refusesThePlaceholderOfTheExampleEnvironmentFile() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties("change-me-to-openssl-rand-base64-32"))
			.withMessageContaining("SWITCHBOARD_ENCRYPTION_KEY")
			.withMessageContaining("placeholder")
			.withMessageNotContaining("change-me-to");
		assertThatIllegalArgumentException().isThrownBy(() -> properties("CHANGE-ME"))
			.withMessageContaining("SWITCHBOARD_ENCRYPTION_KEY");
	}

	@Test
	void refusesAKeyThatIsNotBase64OfExactly32Bytes() {
		String sixteen = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());
		String thirtyThree = Base64.getEncoder().encodeToString("0123456789abcdefghijklmnopqrstuvw".getBytes());
		assertThatIllegalArgumentException().isThrownBy(() -> properties("not base64 at all!"))
			.withMessageContaining("SWITCHBOARD_ENCRYPTION_KEY is not base64")
			.withMessageNotContaining("not base64 at all");
		assertThatIllegalArgumentException().isThrownBy(() -> properties(sixteen))
			.withMessageContaining("SWITCHBOARD_ENCRYPTION_KEY must be base64 of exactly 32 bytes, not 16")
			.withMessageNotContaining(sixteen);
		assertThatIllegalArgumentException().isThrownBy(() -> properties(thirtyThree))
			.withMessageContaining("exactly 32 bytes, not 33");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties("KHMg1qDNs6Q2w3zLfLEGq0UKoK6Aqp8kYUiALVsg0V_="))
			.withMessageContaining("SWITCHBOARD_ENCRYPTION_KEY is not base64");
	}

	@Test
	void refusesAKeyOfTooLittleEntropy() {
		byte[] zeros = new byte[32];
		byte[] fifteenValues = new byte[32];
		for (int i = 0; i < 32; i++) {
			fifteenValues[i] = (byte) (i % 15);
		}
		byte[] sixteenValues = new byte[32];
		for (int i = 0; i < 32; i++) {
			sixteenValues[i] = (byte) (i % 16);
		}
		String ascii = Base64.getEncoder().encodeToString("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb".getBytes());

		assertThatIllegalArgumentException().isThrownBy(() -> properties(Base64.getEncoder().encodeToString(zeros)))
			.withMessageContaining("SWITCHBOARD_ENCRYPTION_KEY has too little entropy (1 distinct byte values in 32)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(Base64.getEncoder().encodeToString(fifteenValues)))
			.withMessageContaining("too little entropy (15 distinct");
		assertThatIllegalArgumentException().isThrownBy(() -> properties(ascii))
			.withMessageContaining("too little entropy");
		assertThat(properties(Base64.getEncoder().encodeToString(sixteenValues)).currentKey().bytes())
			.isEqualTo(sixteenValues);
	}

	@Test
	void checksPreviousKeysTheSameWayNamingTheirVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EncryptionProperties(KEY, List.of(PREVIOUS, "change-me")))
			.withMessageContaining("SWITCHBOARD_ENCRYPTION_PREVIOUSKEYS");
		this.context
			.withPropertyValues("switchboard.encryption.key=" + KEY,
					"switchboard.encryption.previous-keys=" + PREVIOUS + ",")
			.run((started) -> {
				assertThat(started).hasNotFailed();
				EncryptionProperties properties = started.getBean(EncryptionProperties.class);
				assertThat(properties.previous()).hasSize(1);
				assertThat(properties.previous().get(0).bytes()).isEqualTo(Base64.getDecoder().decode(PREVIOUS));
			});
	}

	@Test
	void neverPrintsAKey() {
		EncryptionProperties properties = new EncryptionProperties(KEY, List.of(PREVIOUS));

		assertThat(properties.toString()).doesNotContain(KEY).doesNotContain(PREVIOUS);
		assertThat(properties.currentKey().toString()).doesNotContain(KEY).contains(properties.currentKey().id());
	}

	private static EncryptionProperties properties(String key) {
		return new EncryptionProperties(key, List.of());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EncryptionProperties.class)
	static class Properties {

	}

}
