package dev.switchboard.remotesession.session.guacamole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.remotesession.session.Connection;
import dev.switchboard.remotesession.session.CreatedSession;
import dev.switchboard.remotesession.session.Customer;
import dev.switchboard.remotesession.session.NewSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The encrypted JSON layout of guacamole-auth-json, pinned by a vector computed
 * independently with openssl the way the extension's own {@code doc/encrypt-json.sh} does
 * it:
 *
 * <pre>
 * KEY=4C0B569E4C96DF157EEE1B65DD0E4D41
 * ( openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEY -binary guac.json; cat guac.json ) \
 *   | openssl enc -aes-128-cbc -K $KEY -iv 00000000000000000000000000000000 -nosalt -a -A
 * </pre>
 */
class GuacamoleSessionProviderTests {

	private static final String KEY = "4C0B569E4C96DF157EEE1B65DD0E4D41";

	private static final String JSON = "{\"username\":\"ada@example.com\",\"expires\":1795428000000,\"connections\":"
			+ "{\"5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b\":{\"protocol\":\"rdp\",\"parameters\":"
			+ "{\"hostname\":\"10.0.0.5\",\"port\":\"3389\",\"ignore-cert\":\"true\"}}}}";

	private static final String OPENSSL = "09Im5thXgeVz0Tz3V+OwMT/i6uKLmpEwwHHnitaQBgLdd4tiXjhPiI7vtG9Q3xM0j2digtC1VGadIbtp"
			+ "34SigtT4zuv57DojXOTgktJF3m4P1iayOfN8N4yAQOlEh9cPh+7YTJeQl5LZsAMfAoCc3j0fUg+I2tAyS5AmV14Q5jP5qm0VBZWw/l0NMgIAM"
			+ "WXC4WGfkma0NLFF1eA0+QqM67OFRP9PxjeQVYr3QbKm8/yP19LJnNVpilxSS7Xa+TjKjfeXnpm0fUKGTvPfFt+5IZbNI4dVKWZAvKz2uLSBP"
			+ "MnFGxHKobn83sPQoEVAKuNC";

	@Test
	void signsAndEncryptsExactlyAsTheExtensionsOwnScriptDoes() {
		String data = GuacamoleJsonAuth.signAndEncrypt(HexFormat.of().parseHex(KEY),
				JSON.getBytes(StandardCharsets.UTF_8));

		assertThat(data).isEqualTo(OPENSSL);
	}

	@Test
	void refusesASecretKeyThatIsNot128BitsAndNamesTheVariableAndAnEmptyOneSwitchesGuacamoleOff() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new GuacamoleProperties(URI.create("https://guac.example.test/guacamole"), "not-hex", "", ""))
			.withMessageContaining("REMOTESESSION_GUACAMOLE_SECRETKEY");
		assertThat(new GuacamoleProperties(URI.create("https://guac.example.test/guacamole"), "", "", "").configured())
			.isFalse();
		assertThat(new GuacamoleProperties(URI.create(""), KEY, "", "").configured()).isFalse();
		assertThat(new GuacamoleProperties(URI.create("https://guac.example.test/guacamole"), KEY, "", "").toString())
			.doesNotContain(KEY);
	}

	@Test
	void refusesRecordingAndDrivePathsThatAreNotAbsoluteDirectoriesWithoutDotSegments() {
		URI base = URI.create("https://guac.example.test/guacamole");
		for (String path : new String[] { "recordings", "/var/lib/../../etc", "/var/./lib", "/var/lib/..",
				"/var/lib\n/x" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new GuacamoleProperties(base, KEY, path, ""))
				.withMessageContaining("remote-session.guacamole.recording-path");
			assertThatIllegalArgumentException().isThrownBy(() -> new GuacamoleProperties(base, KEY, "", path))
				.withMessageContaining("remote-session.guacamole.drive-path");
		}
		assertThat(new GuacamoleProperties(base, KEY, " /var/lib/guacamole/recordings ", "").recordingPath())
			.isEqualTo("/var/lib/guacamole/recordings");
	}

	@Test
	void buildsTheAgentLinkFromUserExpiryAndTheOneConnectionNamedAfterTheSession() {
		GuacamoleSessionProvider provider = new GuacamoleSessionProvider(
				new GuacamoleProperties(URI.create("https://guac.example.test/guacamole/"), KEY, "", ""),
				JsonMapper.builder().build());
		UUID sessionId = UUID.fromString("5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b");

		CreatedSession created = provider.create(new NewSession(sessionId, "35436", "ada@example.com", Customer.UNKNOWN,
				new Connection("rdp", "10.0.0.5", 3389, Map.of("ignore-cert", "true")),
				Instant.parse("2026-11-23T10:00:00Z")));

		assertThat(created.providerSessionId()).isEqualTo(sessionId.toString());
		assertThat(created.customerUrl()).isNull();
		assertThat(created.agentUrl()).startsWith("https://guac.example.test/guacamole/#/?data=");
		assertThat(URLDecoder.decode(created.agentUrl().substring(created.agentUrl().indexOf("data=") + 5),
				StandardCharsets.UTF_8))
			.isEqualTo(OPENSSL);
		assertThat(created.toString()).doesNotContain("data=");
	}

}
