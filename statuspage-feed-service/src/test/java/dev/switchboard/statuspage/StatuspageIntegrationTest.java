package dev.switchboard.statuspage;

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
 * The one Spring context of this module's integration tests: the real RabbitMQ and
 * PostgreSQL (this run's vhost and database), WireMock for Slack ({@code slack}) and for
 * feeds, Teams and webhook targets ({@code web}), short ticks, and the clock pinned near
 * the fixtures' time (2026-11-23T10:30Z, then running). Customer URLs point at WireMock
 * on localhost over http, so private addresses and insecure targets are allowed here;
 * {@code RomeStatusFeedTests} and {@code OutboundTargetIntegrationTests} show the
 * refusals by default.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"switchboard.internal-token=test-internal-token-0123456789",
		"switchboard.encryption.key=" + StatuspageIntegrationTest.ENCRYPTION_KEY,
		"statuspage-feed.allow-private-addresses=true", "statuspage-feed.allow-insecure-targets=true",
		"statuspage-feed.poll-interval=1s", "statuspage-feed.poll-jitter=0s", "statuspage-feed.poll-tick=200ms",
		"statuspage-feed.webhook-grace=4s", "statuspage-feed.read-timeout=2s", "statuspage-feed.delivery.tick=200ms",
		"statuspage-feed.delivery.backoff=500ms", "statuspage-feed.delivery.max-attempts=3",
		"statuspage-feed.slack.bot-token=xoxb-test-bot-token", "statuspage-feed.slack.retry-wait=10ms",
		"statuspage-feed.slack.edit-tick=100ms", "statuspage-feed.slack.parent-edits-per-minute=600",
		"statuspage-feed.slack.workspace-messages-per-minute=300", "statuspage-feed.slack.read-timeout=2s",
		"statuspage-feed.tickets.relay-interval=200ms", "statuspage-feed.tickets.resolved-tag-prefix=incident-" })
@ContextConfiguration(initializers = RealBrokerAndDatabase.class)
@EnableWireMock({ @ConfigureWireMock(name = "slack", baseUrlProperties = "statuspage-feed.slack.base-url"),
		@ConfigureWireMock(name = "web", baseUrlProperties = "test.web.base-url") })
@Import({ PinnedClock.class, StatuspageBus.class })
public @interface StatuspageIntegrationTest {

	/** {@code switchboard.encryption.key} of the tests (never a deployment's). */
	String ENCRYPTION_KEY = "KHMg1qDNs6Q2w3zLfLEGq0UKoK6Aqp8kYUiALVsg0VA=";

}
