package dev.switchboard.sandbox.guacamole;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonAuthTests {

	/** guacamole-auth-json's README: {@code ./encrypt-json.sh <key> auth.json}. */
	private static final String EXAMPLE_KEY = "4C0B569E4C96DF157EEE1B65DD0E4D41";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void opensTheExtensionsPublishedExample() throws IOException {
		AuthData auth = JsonAuth.open(key(EXAMPLE_KEY), example(), this.json);

		assertThat(auth.username()).isEqualTo("test");
		assertThat(auth.expires()).isEqualTo(Instant.ofEpochMilli(1446323765000L));
		assertThat(auth.connections()).containsOnlyKeys("My Connection", "My OTHER Connection");
		assertThat(auth.connections()).hasEntrySatisfying("My Connection", (connection) -> {
			assertThat(connection.protocol()).isEqualTo("rdp");
			assertThat(connection.parameters()).containsEntry("hostname", "10.10.209.63").containsEntry("port", "3389");
		});
	}

	@Test
	void refusesDataThatDecryptsButWhoseSignatureDoesNotMatch() {
		String broken = SealedJson.seal(EXAMPLE_KEY, SealedJson.connection("s-1", 4_102_444_800_000L), true);

		assertThatThrownBy(() -> JsonAuth.open(key(EXAMPLE_KEY), broken, this.json))
			.isInstanceOf(JsonAuth.InvalidLogin.class)
			.hasMessageContaining("signature");
		assertThat(JsonAuth
			.open(key(EXAMPLE_KEY),
					SealedJson.seal(EXAMPLE_KEY, SealedJson.connection("s-1", 4_102_444_800_000L), false), this.json)
			.connections()).containsOnlyKeys("s-1");
	}

	@Test
	void refusesDataSealedWithAnotherKeyAndWhatIsNoBase64() throws IOException {
		assertThatThrownBy(() -> JsonAuth.open(key("00112233445566778899aabbccddeeff"), example(), this.json))
			.isInstanceOf(JsonAuth.InvalidLogin.class);
		assertThatThrownBy(() -> JsonAuth.open(key(EXAMPLE_KEY), "not base64 at all!", this.json))
			.isInstanceOf(JsonAuth.InvalidLogin.class);
	}

	private static byte[] key(String hex) {
		return HexFormat.of().parseHex(hex);
	}

	private static String example() throws IOException {
		try (InputStream in = JsonAuthTests.class.getResourceAsStream("/guacamole/encrypt-json-example.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
	}

}
