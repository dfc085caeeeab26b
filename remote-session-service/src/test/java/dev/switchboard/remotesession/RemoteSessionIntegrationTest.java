package dev.switchboard.remotesession;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.switchboard.testsupport.RealBrokerAndDatabase;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context of this module's integration tests: the real RabbitMQ (this
 * run's vhost) and PostgreSQL (this run's database), TeamViewer faked by WireMock (with
 * its real wire format), short intervals and back-offs, Guacamole recording and drive
 * paths configured, and a current and a previous key for the secrets at rest. Every class
 * with this annotation (and no property of its own) shares one context; it injects
 * {@link RemoteSessionHarness} to call the API, publish and collect messages, and
 * {@link RemoteSessionFixtures} gives ids and payloads. Every test uses its own ticket
 * ids and session codes, so tests never see each other's stubs, rows or messages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.internal-token=" + RemoteSessionIntegrationTest.TOKEN,
				"remote-session.teamviewer.token=test-teamviewer-token", "remote-session.teamviewer.read-timeout=1s",
				"remote-session.teamviewer.max-short-wait=2s",
				"remote-session.guacamole.base-url=https://guac.example.test/guacamole",
				"remote-session.guacamole.secret-key=" + RemoteSessionIntegrationTest.GUACAMOLE_KEY,
				"remote-session.guacamole.recording-path=" + RemoteSessionIntegrationTest.RECORDING_PATH,
				"remote-session.guacamole.drive-path=" + RemoteSessionIntegrationTest.DRIVE_PATH,
				"switchboard.encryption.key=" + RemoteSessionIntegrationTest.ENCRYPTION_KEY,
				"switchboard.encryption.previous-keys=" + RemoteSessionIntegrationTest.PREVIOUS_ENCRYPTION_KEY,
				"remote-session.poll-interval=300ms", "remote-session.outbox-relay-interval=300ms",
				"remote-session.parked-starts.first-wait=1s", "remote-session.parked-starts.max-wait=2s",
				"resilience4j.retry.configs.teamviewer.wait-duration=50ms" })
@ContextConfiguration(initializers = RealBrokerAndDatabase.class)
@EnableWireMock({ @ConfigureWireMock(name = "teamviewer", baseUrlProperties = "remote-session.teamviewer.base-url") })
@Import(RemoteSessionHarness.class)
public @interface RemoteSessionIntegrationTest {

	String TOKEN = "test-internal-token-0123456789";

	String GUACAMOLE_KEY = "4C0B569E4C96DF157EEE1B65DD0E4D41";

	String RECORDING_PATH = "/var/lib/guacamole/recordings";

	String DRIVE_PATH = "/var/lib/guacamole/drives";

	/** The current key of stored secrets. */
	String ENCRYPTION_KEY = "KHMg1qDNs6Q2w3zLfLEGq0UKoK6Aqp8kYUiALVsg0VA=";

	/** A key rotated out: what it encrypted must stay readable. */
	String PREVIOUS_ENCRYPTION_KEY = "QvDY4Fa8Ykm5lVjH3qMnOW6O1Eop0Mec9v6TxRTcVio=";

}
