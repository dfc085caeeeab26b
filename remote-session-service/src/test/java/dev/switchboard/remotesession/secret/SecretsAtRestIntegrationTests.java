package dev.switchboard.remotesession.secret;

import static dev.switchboard.remotesession.RemoteSessionFixtures.newSessionCode;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newTicketId;
import static dev.switchboard.remotesession.RemoteSessionFixtures.startBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;

import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Links that open a screen while valid are stored encrypted
 * ({@code enc:v1:<keyId>:<base64url of iv, ciphertext, tag>}, AES-256-GCM), on the
 * session and in the outbox; the API still shows them. The stored form is checked with
 * Spring Security Crypto directly, independently of the service's code.
 */
@RemoteSessionIntegrationTest
class SecretsAtRestIntegrationTests {

	@Autowired
	RemoteSessionHarness harness;

	@Autowired
	JdbcClient jdbc;

	private static final String GUACAMOLE_START = """
			{"ticketId":"%s","provider":"guacamole","agentEmail":"ada@example.com",
			 "connection":{"protocol":"rdp","hostname":"10.0.0.5","port":3389,
			               "parameters":{"username":"carla","password":"carlas-rdp-password"}}}
			""";

	@Test
	void storesTheGuacamoleLinkEncryptedAndStillShowsItThroughTheApi() {
		String ticketId = newTicketId();

		JsonNode started = this.harness
			.read(this.harness.api("POST", "/api/sessions", GUACAMOLE_START.formatted(ticketId)));

		String id = started.get("id").asString();
		String agentUrl = started.get("agentUrl").asString();
		String token = agentUrl.substring(agentUrl.indexOf("data=") + 5);
		String stored = rawColumn("agent_url", id);
		assertThat(stored).startsWith("enc:v1:" + keyId(RemoteSessionIntegrationTest.ENCRYPTION_KEY) + ":")
			.doesNotContain(token)
			.doesNotContain("data=")
			.doesNotContain("guac.example.test");
		assertThat(decrypt(RemoteSessionIntegrationTest.ENCRYPTION_KEY, stored)).isEqualTo(agentUrl);
		assertThat(this.harness.read(this.harness.api("GET", "/api/sessions/" + id, null)).get("agentUrl").asString())
			.isEqualTo(agentUrl);
		assertThat(this.harness.read(this.harness.api("GET", "/api/sessions?ticketId=" + ticketId, null))
			.get(0)
			.get("agentUrl")
			.asString()).isEqualTo(agentUrl);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(ticketId)).hasSize(1));
		assertThat(outboxPayloads(ticketId)).isNotEmpty()
			.allSatisfy((payload) -> assertThat(payload).startsWith("enc:v1:").doesNotContain(token));
	}

	@Test
	void storesTheTeamviewerLinksEncryptedToo() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		this.harness.stubTeamviewerCreates(ticketId, code);

		JsonNode started = this.harness
			.read(this.harness.api("POST", "/api/sessions", startBody(ticketId, "teamviewer", "ada@example.com")));

		String id = started.get("id").asString();
		assertThat(rawColumn("agent_url", id)).startsWith("enc:v1:").doesNotContain(code);
		assertThat(rawColumn("customer_url", id)).startsWith("enc:v1:").doesNotContain(code);
		assertThat(decrypt(RemoteSessionIntegrationTest.ENCRYPTION_KEY, rawColumn("customer_url", id)))
			.isEqualTo("https://get.teamviewer.com/" + code + "/customer");
		JsonNode shown = this.harness.read(this.harness.api("GET", "/api/sessions/" + id, null));
		assertThat(shown.get("agentUrl").asString()).isEqualTo("https://start.teamviewer.com/" + code + "/supporter");
		assertThat(shown.get("customerUrl").asString()).isEqualTo("https://get.teamviewer.com/" + code + "/customer");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(ticketId)).hasSize(2));
		assertThat(outboxPayloads(ticketId)).allSatisfy((payload) -> assertThat(payload).doesNotContain(code));
	}

	@Test
	void readsLinksWrittenWithAPreviousKeyOrBeforeEncryptionAndWritesThemAgainWithTheCurrentKey() {
		String ticketId = newTicketId();
		String oldLink = "https://guac.example.test/guacamole/#/?data=written-with-the-previous-key";
		String plainLink = "https://guac.example.test/guacamole/#/?data=written-before-encryption";
		UUID rotated = insertInvitedGuacamoleSession(ticketId, "ada@example.com",
				encrypt(RemoteSessionIntegrationTest.PREVIOUS_ENCRYPTION_KEY, oldLink));
		UUID plain = insertInvitedGuacamoleSession(ticketId, "bob@example.com", plainLink);

		assertThat(
				this.harness.read(this.harness.api("GET", "/api/sessions/" + rotated, null)).get("agentUrl").asString())
			.isEqualTo(oldLink);
		assertThat(
				this.harness.read(this.harness.api("GET", "/api/sessions/" + plain, null)).get("agentUrl").asString())
			.isEqualTo(plainLink);

		// ending a session writes its row again: with the current key
		assertThat(this.harness.api("POST", "/api/sessions/" + rotated + "/end", null).statusCode()).isEqualTo(200);
		assertThat(this.harness.api("POST", "/api/sessions/" + plain + "/end", null).statusCode()).isEqualTo(200);
		for (UUID id : List.of(rotated, plain)) {
			String stored = rawColumn("agent_url", id.toString());
			assertThat(stored).startsWith("enc:v1:" + keyId(RemoteSessionIntegrationTest.ENCRYPTION_KEY) + ":");
		}
		assertThat(decrypt(RemoteSessionIntegrationTest.ENCRYPTION_KEY, rawColumn("agent_url", rotated.toString())))
			.isEqualTo(oldLink);
		assertThat(decrypt(RemoteSessionIntegrationTest.ENCRYPTION_KEY, rawColumn("agent_url", plain.toString())))
			.isEqualTo(plainLink);
		assertThat(
				this.harness.read(this.harness.api("GET", "/api/sessions/" + rotated, null)).get("agentUrl").asString())
			.isEqualTo(oldLink);
	}

	private UUID insertInvitedGuacamoleSession(String ticketId, String agent, String storedAgentUrl) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				insert into remote_session (id, ticket_id, provider, provider_session_id, agent_email, state, live_key,
				    agent_url, expires_at, created_at, started_via, correlation_id, caused_at)
				values (?, ?, 'guacamole', ?, ?, 'INVITED', ?, ?, ?, ?, 'api', ?, ?)
				""")
			.params(id, ticketId, id.toString(), agent, ticketId + "|" + agent, storedAgentUrl,
					Timestamp.from(Instant.now().plusSeconds(600)), now, "api-" + id, now)
			.update();
		return id;
	}

	private String rawColumn(String column, String sessionId) {
		return this.jdbc.sql("select " + column + " from remote_session where id = ?")
			.param(UUID.fromString(sessionId))
			.query(String.class)
			.single();
	}

	private List<@Nullable String> outboxPayloads(String ticketId) {
		return this.jdbc
			.sql("select payload from outbox_message where correlation_id in "
					+ "(select correlation_id from remote_session where ticket_id = ?)")
			.param(ticketId)
			.query(String.class)
			.list();
	}

	private static String keyId(String base64Key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64Key));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static AesBytesEncryptor encryptor(String base64Key) {
		return new AesBytesEncryptor(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
				KeyGenerators.secureRandom(12), AesBytesEncryptor.CipherAlgorithm.GCM);
	}

	private static String encrypt(String base64Key, String plaintext) {
		return "enc:v1:" + keyId(base64Key) + ":"
				+ Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(encryptor(base64Key).encrypt(plaintext.getBytes(StandardCharsets.UTF_8)));
	}

	private static String decrypt(String base64Key, String stored) {
		String sealed = stored.substring(stored.lastIndexOf(':') + 1);
		return new String(encryptor(base64Key).decrypt(Base64.getUrlDecoder().decode(sealed)), StandardCharsets.UTF_8);
	}

}
