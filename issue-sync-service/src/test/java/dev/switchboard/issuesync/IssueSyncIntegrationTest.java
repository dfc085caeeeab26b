package dev.switchboard.issuesync;

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
 * The one Spring context of the integration tests: the real RabbitMQ and PostgreSQL of
 * this run, GitHub, Jira and the gateway's delivery bodies faked by WireMock, short retry
 * waits, jobs triggered by the tests rather than the clock; {@link IssueSyncHarness} for
 * the set-up the tests share.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.internal-token=test-internal-token-0123456789",
				"issue-sync.jira.email=bot@example.com", "issue-sync.jira.api-token=jira-test-token",
				"issue-sync.github.token=github-test-token", "issue-sync.github.read-timeout=2s",
				"issue-sync.jira.read-timeout=2s", "issue-sync.ticket-field.issue-state=360001",
				"issue-sync.behaviour.note-on-comment=true", "issue-sync.reconciliation-interval=1h",
				"issue-sync.report-interval=1h", "issue-sync.close-note-interval=1h",
				"resilience4j.retry.instances.github.wait-duration=50ms",
				"resilience4j.retry.instances.jira.wait-duration=50ms",
				"resilience4j.retry.instances.gateway.wait-duration=50ms" })
@ContextConfiguration(initializers = RealBrokerAndDatabase.class)
@EnableWireMock({ @ConfigureWireMock(name = "github", baseUrlProperties = "issue-sync.github.base-url"),
		@ConfigureWireMock(name = "jira", baseUrlProperties = "issue-sync.jira.base-url"),
		@ConfigureWireMock(name = "gateway", baseUrlProperties = "issue-sync.gateway.url") })
@Import(IssueSyncHarness.class)
public @interface IssueSyncIntegrationTest {

}
