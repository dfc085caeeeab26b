package dev.switchboard.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The sandbox on a random port, reporting to the {@link StubGateway}: one Spring context
 * for every integration test of the module (same configuration), calls paced at 100 ms;
 * {@link Sandbox} calls it over HTTP. The same way of sharing set-up as the services'
 * integration tests (a meta-annotation, no base class).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sandbox.github-secret=test-github", "sandbox.zendesk-secret=test-zendesk",
				"sandbox.jira-secret=" + SandboxIntegrationTest.JIRA_SECRET,
				"sandbox.jira-api-token=" + SandboxIntegrationTest.JIRA_TOKEN,
				"sandbox.twilio-account-sid=" + SandboxIntegrationTest.TWILIO_ACCOUNT,
				"sandbox.twilio-auth-token=" + SandboxIntegrationTest.TWILIO_TOKEN,
				"sandbox.remote-session-secret=" + SandboxIntegrationTest.REMOTE_SESSION_SECRET,
				"sandbox.statuspage-token=" + SandboxIntegrationTest.STATUSPAGE_TOKEN,
				"sandbox.teamviewer-token=" + SandboxIntegrationTest.TEAMVIEWER_TOKEN,
				"sandbox.guacamole-secret-key=" + SandboxIntegrationTest.GUACAMOLE_KEY,
				"sandbox.gateway-api-key=test-admin-key", "sandbox.call-beat=100ms" })
@ContextConfiguration(initializers = SandboxIntegrationTest.StubGatewayUrl.class)
@Import(Sandbox.class)
public @interface SandboxIntegrationTest {

	String TWILIO_ACCOUNT = "AC0123456789abcdef0123456789abcdef";

	String TWILIO_TOKEN = "test-twilio-token";

	String JIRA_SECRET = "test-jira-secret";

	String JIRA_TOKEN = "test-jira-token";

	String REMOTE_SESSION_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	String STATUSPAGE_TOKEN = "test-statuspage-token-0123456789abcdef";

	String TEAMVIEWER_TOKEN = "test-teamviewer-token";

	/** guacamole-auth-json's example key. */
	String GUACAMOLE_KEY = "4C0B569E4C96DF157EEE1B65DD0E4D41";

	/** Points the sandbox at the {@link StubGateway} of this JVM. */
	class StubGatewayUrl implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
					"sandbox.gateway-url=" + StubGateway.get().url());
		}

	}

}
