package dev.switchboard.crmbridge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.switchboard.testsupport.RealBrokerAndDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context of this module's integration tests: the real RabbitMQ (this
 * run's vhost) and PostgreSQL (this run's database), Zendesk and Twilio faked by
 * WireMock, short intervals and back-offs. Tests inject {@link Harness} (the fakes'
 * clients, the broker, the ticket rows) and use the static {@link Fixtures}; every test
 * uses its own ticket ids, so tests never see each other's stubs or rows. Before each
 * test, every ticket of the Zendesk fake has no comments unless the test says otherwise
 * (the drain reads them before it sends an update whose outcome was unknown again).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"switchboard.internal-token=test-internal-token-0123456789", "crm-bridge.zendesk.email=switchboard@example.com",
		"crm-bridge.zendesk.api-token=test-zendesk-token", "crm-bridge.zendesk.read-timeout=1s",
		"crm-bridge.commands.drain-interval=100ms", "crm-bridge.commands.failure-backoff=100ms",
		"crm-bridge.commands.max-failures=3", "crm-bridge.commands.auth-recheck=500ms",
		"crm-bridge.commands.requests-per-minute=100000", "resilience4j.retry.instances.zendesk.wait-duration=10ms",
		"resilience4j.retry.instances.twilio.wait-duration=10ms",
		"crm-bridge.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
		"crm-bridge.twilio.auth-token=test-twilio-auth-token", "crm-bridge.twilio.read-timeout=1s",
		"crm-bridge.twilio.from-number=+18005551212", "crm-bridge.calls.gateway-url=https://switchboard.example.com",
		"crm-bridge.calls.end-note-grace=2s", "crm-bridge.parking.backoff=200ms",
		"crm-bridge.parking.check-interval=200ms", "crm-bridge.calls.allowed-destinations=US,GB" })
@ContextConfiguration(initializers = RealBrokerAndDatabase.class)
@EnableWireMock({ @ConfigureWireMock(name = "zendesk", baseUrlProperties = "crm-bridge.zendesk.base-url"),
		@ConfigureWireMock(name = "twilio", baseUrlProperties = "crm-bridge.twilio.base-url") })
@Import(Harness.class)
@ExtendWith(Harness.NoCommentsByDefault.class)
public @interface CrmBridgeIntegrationTest {

}
