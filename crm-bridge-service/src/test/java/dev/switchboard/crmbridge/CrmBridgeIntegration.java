package dev.switchboard.crmbridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.switchboard.testsupport.RealBrokerAndDatabase;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context of this module's integration tests: the real RabbitMQ (this
 * run's vhost) and PostgreSQL (this run's database), Zendesk and Twilio faked by
 * WireMock, short intervals and back-offs. Every test uses its own ticket ids, so tests
 * never see each other's stubs or rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.internal-token=test-internal-token",
				"crm-bridge.zendesk.email=switchboard@example.com", "crm-bridge.zendesk.api-token=test-zendesk-token",
				"crm-bridge.zendesk.read-timeout=1s", "crm-bridge.commands.drain-interval=100ms",
				"crm-bridge.commands.failure-backoff=100ms", "crm-bridge.commands.max-failures=3",
				"crm-bridge.commands.auth-recheck=500ms", "crm-bridge.commands.requests-per-minute=100000",
				"resilience4j.retry.instances.zendesk.wait-duration=10ms" })
@ContextConfiguration(initializers = RealBrokerAndDatabase.class)
@EnableWireMock({ @ConfigureWireMock(name = "zendesk", baseUrlProperties = "crm-bridge.zendesk.base-url") })
public abstract class CrmBridgeIntegration {

	@Autowired
	protected JdbcClient jdbc;

	@Value("${crm-bridge.zendesk.base-url}")
	private String zendeskUrl;

	/** A client of the Zendesk fake. */
	protected WireMock zendesk() {
		URI url = URI.create(this.zendeskUrl);
		return new WireMock(url.getHost(), url.getPort());
	}

	/** A ticket id no other test uses. */
	protected static String newTicketId() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L));
	}

	/**
	 * A fixture under src/test/resources with its {@code {{name}}} placeholders filled.
	 */
	protected static String fixture(String path, Map<String, String> values) {
		try {
			String text = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
			for (Map.Entry<String, String> value : values.entrySet()) {
				text = text.replace("{{" + value.getKey() + "}}", value.getValue());
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
