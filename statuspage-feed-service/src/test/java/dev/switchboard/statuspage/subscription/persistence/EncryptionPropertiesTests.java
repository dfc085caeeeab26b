package dev.switchboard.statuspage.subscription.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Objects;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Start-up with {@code switchboard.encryption.*} bound as in the service: a missing,
 * placeholder, malformed or weak key stops it with a message that names the variable and
 * never shows the key.
 */
class EncryptionPropertiesTests {

	private static final String GOOD_KEY = "KHMg1qDNs6Q2w3zLfLEGq0UKoK6Aqp8kYUiALVsg0VA=";

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Encryption.class);

	@Test
	void startsWithTheBase64OfThirtyTwoRandomBytesAndPreviousKeys() {
		String previous = Base64.getEncoder().encodeToString(AesGcmSecretsTests.randomKey());

		this.context
			.withPropertyValues("switchboard.encryption.key=" + GOOD_KEY,
					"switchboard.encryption.previous-keys=" + previous)
			.run((started) -> {
				assertThat(started).hasNotFailed();
				EncryptionProperties properties = started.getBean(EncryptionProperties.class);
				assertThat(properties.previousKeyBytes()).hasSize(1);
				assertThat(properties.toString()).doesNotContain(GOOD_KEY).doesNotContain(previous);
			});
	}

	@Test
	void refusesToStartWithoutAKey() {
		failure().hasMessageContaining("SWITCHBOARD_ENCRYPTION_KEY is not set");
	}

	@Test
	void refusesToStartWithTheUnresolvedPlaceholderOfApplicationYml() {
		failure("switchboard.encryption.key=${SWITCHBOARD_ENCRYPTION_KEY}")
			.hasMessageContaining("SWITCHBOARD_ENCRYPTION_KEY is not set");
	}

	@Test
	void refusesToStartWithThePlaceholderOfEnvExample() {
		failure("switchboard.encryption.key=change-me-openssl-rand-base64-32")
			.hasMessageContaining("SWITCHBOARD_ENCRYPTION_KEY is still the placeholder");
	}

	@Test
	void refusesToStartWithAKeyThatIsNotBase64() {
		failure("switchboard.encryption.key=not base64 at all!").hasMessageContaining("SWITCHBOARD_ENCRYPTION_KEY")
			.hasMessageContaining("not base64");
	}

	@Test
	void refusesToStartWithAKeyOfTheWrongLength() {
		String sixteen = Base64.getEncoder()
			.encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });

		failure("switchboard.encryption.key=" + sixteen).hasMessageContaining("SWITCHBOARD_ENCRYPTION_KEY")
			.hasMessageContaining("32 bytes, not 16")
			.hasStackTraceContaining("openssl rand -base64 32");
	}

	@Test
	void refusesToStartWithAKeyOfTooLittleEntropy() {
		String zeros = Base64.getEncoder().encodeToString(new byte[32]);
		String pattern = Base64.getEncoder().encodeToString("abcdabcdabcdabcdabcdabcdabcdabcd".getBytes());

		failure("switchboard.encryption.key=" + zeros).hasMessageContaining("SWITCHBOARD_ENCRYPTION_KEY")
			.hasMessageContaining("too little entropy");
		failure("switchboard.encryption.key=" + pattern).hasMessageContaining("too little entropy");
	}

	@Test
	void refusesToStartWithAMalformedPreviousKeyNamingItsVariable() {
		failure("switchboard.encryption.key=" + GOOD_KEY, "switchboard.encryption.previous-keys=short")
			.hasMessageContaining("SWITCHBOARD_ENCRYPTION_PREVIOUSKEYS");
	}

	private AbstractThrowableAssert<?, ? extends Throwable> failure(String... properties) {
		Throwable[] failure = new Throwable[1];
		this.context.withPropertyValues(properties).run((started) -> {
			assertThat(started).hasFailed();
			failure[0] = rootCause(Objects.requireNonNull(started.getStartupFailure(), "a failed start has a cause"));
		});
		return assertThat(failure[0]).isInstanceOf(IllegalArgumentException.class)
			.satisfies((cause) -> assertThat(cause.getMessage()).doesNotContain(GOOD_KEY));
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EncryptionProperties.class)
	static class Encryption {

	}

}
