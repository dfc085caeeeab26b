package dev.switchboard.gateway.adminapi;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Map;

import dev.switchboard.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.builder.SpringApplicationBuilder;

/** Start-up refuses a missing, placeholder or guessable token, naming the variable. */
class MissingInternalTokenIntegrationTests {

	@Test
	void refusesToStartWithoutTheInternalTokenAndNamesTheVariable() throws Exception {
		assertThatThrownBy(() -> start("--spring.rabbitmq.port=1"))
			.hasStackTraceContaining("set the environment variable SWITCHBOARD_INTERNAL_TOKEN");
	}

	@ParameterizedTest
	@CsvSource({ "switchboard.internal-token=change-me-openssl-rand-hex-32, SWITCHBOARD_INTERNAL_TOKEN still holds",
			"switchboard.internal-token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, SWITCHBOARD_INTERNAL_TOKEN is too easy",
			"switchboard.internal-token=abababababababababababababababab, SWITCHBOARD_INTERNAL_TOKEN is too easy",
			"switchboard.internal-token=short, SWITCHBOARD_INTERNAL_TOKEN is too easy",
			"gateway.webhooks.statuspage.token=too-short-a-token, GATEWAY_WEBHOOKS_STATUSPAGE_TOKEN must be" })
	void refusesToStartWithAPlaceholderOrAGuessableSecret(String setting, String message) {
		String token = setting.startsWith("switchboard.") ? ""
				: "--switchboard.internal-token=" + "x7Rq2mZ9pL4vK8sW3nB6";
		assertThatThrownBy(() -> start("--" + setting, token.isEmpty() ? "--spring.rabbitmq.port=1" : token))
			.hasStackTraceContaining(message);
	}

	@Test
	void namesAnyEnvironmentVariableStillHoldingAPlaceholder() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InternalTokenProperties.refusePlaceholders(
					Map.of("SPRING_RABBITMQ_PASSWORD", "change-me-openssl-rand-hex-32", "HOME", "/root")))
			.withMessageContaining("SPRING_RABBITMQ_PASSWORD");
		assertThatNoException().isThrownBy(() -> InternalTokenProperties
			.refusePlaceholders(Map.of("SPRING_RABBITMQ_PASSWORD", "9f0c2d7e5b1a4c3e8d6f0a2b4c6d8e0f")));
	}

	private static void start(String... arguments) throws Exception {
		String dataDir = Files.createTempDirectory("no-token").toString();
		String[] all = new String[arguments.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--switchboard.data-dir=" + dataDir;
		System.arraycopy(arguments, 0, all, 2, arguments.length);
		new SpringApplicationBuilder(GatewayApplication.class).run(all).close();
	}

}
