package dev.switchboard.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.switchboard.testsupport.RealBrokerAndDatabase;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The gateway against the real RabbitMQ (this run's vhost) and PostgreSQL (this run's
 * database), every provider switched on, three admin keys (an operator configured without
 * a role, as before roles, a viewer and the helpdesk app's agent key), and a WireMock
 * standing in for the four services behind the admin routes (their admin paths do not
 * overlap, so one WireMock answers for all; a test that needs a service down stubs a
 * connection fault). Every class with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.internal-token=test-internal-token-0123456789",
				"gateway.public-base-url=https://hooks.example.com/switchboard",
				"gateway.webhooks.github.secret=" + GatewayIntegrationTest.GITHUB_SECRET,
				"gateway.webhooks.github.max-body=" + GatewayIntegrationTest.GITHUB_MAX_BODY,
				"gateway.webhooks.jira.secret=" + GatewayIntegrationTest.JIRA_SECRET,
				"gateway.webhooks.zendesk.secret=" + GatewayIntegrationTest.ZENDESK_SECRET,
				"gateway.webhooks.twilio.secret=" + GatewayIntegrationTest.TWILIO_AUTH_TOKEN,
				"gateway.webhooks.remote-session.secret=" + GatewayIntegrationTest.REMOTE_SESSION_SECRET,
				"gateway.webhooks.statuspage.token=" + GatewayIntegrationTest.STATUSPAGE_TOKEN,
				"gateway.publish.retry-after=17s", "gateway.api-keys[0].name=ops",
				"gateway.api-keys[0].sha256=" + GatewayIntegrationTest.ADMIN_KEY_SHA256,
				"gateway.api-keys[1].name=auditor",
				"gateway.api-keys[1].sha256=" + GatewayIntegrationTest.VIEWER_KEY_SHA256,
				"gateway.api-keys[1].role=viewer", "gateway.api-keys[2].name=helpdesk-app",
				"gateway.api-keys[2].sha256=" + GatewayIntegrationTest.AGENT_KEY_SHA256,
				"gateway.api-keys[2].role=agent", "gateway.api.rate-limit=25", "gateway.dead-letters.peek=50" })
@ContextConfiguration(initializers = RealBrokerAndDatabase.class)
@EnableWireMock(@ConfigureWireMock(name = "services", baseUrlProperties = { "gateway.services.issue-sync",
		"gateway.services.statuspage-feed", "gateway.services.crm-bridge", "gateway.services.remote-session" }))
public @interface GatewayIntegrationTest {

	String GITHUB_SECRET = "It's a Secret to Everybody";

	/** Above what travels inside a message: larger bodies go by reference. */
	String GITHUB_MAX_BODY = "24MB";

	String JIRA_SECRET = "jira-webhook-secret";

	String ZENDESK_SECRET = "dGhpcyBpcyBhIHNlY3JldA==";

	String TWILIO_AUTH_TOKEN = "twilio-auth-token-0123456789";

	String REMOTE_SESSION_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	String STATUSPAGE_TOKEN = "statuspage-path-token-0123456789";

	String ADMIN_KEY = "test-admin-key-0123456789";

	/** printf %s test-admin-key-0123456789 | sha256sum */
	String ADMIN_KEY_SHA256 = "82007d29a6e0686708f2ef128b4d5d2225286cb76e82f74b09324d61ec36f968";

	/** The key named {@code auditor}, role {@code viewer}. */
	String VIEWER_KEY = "test-viewer-key-0123456789";

	/** printf %s test-viewer-key-0123456789 | sha256sum */
	String VIEWER_KEY_SHA256 = "e9dd8c27082cbf57352ec84ca02bbaa8ba3a9a1cfce9838c3f779acfc1b4f9d7";

	/** The key named {@code helpdesk-app}, role {@code agent}. */
	String AGENT_KEY = "test-agent-key-0123456789";

	/** printf %s test-agent-key-0123456789 | sha256sum */
	String AGENT_KEY_SHA256 = "806db96c0f91efe46a9d32ddf3657d582182adfef228d41d77945faca02d1a88";

}
