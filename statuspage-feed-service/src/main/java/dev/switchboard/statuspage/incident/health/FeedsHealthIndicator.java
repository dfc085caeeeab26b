package dev.switchboard.statuspage.incident.health;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.switchboard.statuspage.incident.FeedHealth;
import dev.switchboard.statuspage.incident.FeedProperties;
import dev.switchboard.statuspage.incident.Feeds;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code feeds} in {@code /actuator/health}: the feeds failing or silent beyond the
 * thresholds, by URL and last error; also the gauge {@code switchboard.feeds.unhealthy}.
 * A bad customer feed is the customer's problem, not the service's: the indicator stays
 * UP (and is not part of readiness) and lists the unhealthy feeds in its details.
 */
@Component("feeds")
class FeedsHealthIndicator implements HealthIndicator {

	private final Feeds feeds;

	private final FeedProperties properties;

	private final Clock clock;

	FeedsHealthIndicator(Feeds feeds, FeedProperties properties, Clock clock, MeterRegistry meters) {
		this.feeds = feeds;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("switchboard.feeds.unhealthy", this, (indicator) -> indicator.unhealthy().size())
			.description("Feeds failing or silent beyond statuspage-feed.unhealthy-failures / unhealthy-after")
			.register(meters);
	}

	@Override
	public Health health() {
		List<FeedHealth> unhealthy = unhealthy();
		return Health.up()
			.withDetail("unhealthyFeeds", unhealthy.size())
			.withDetail("unhealthy",
					unhealthy.stream()
						.map((feed) -> Map.of("id", feed.id().toString(), "lastError", String.valueOf(feed.lastError()),
								"consecutiveFailures", feed.consecutiveFailures()))
						.toList())
			.build();
	}

	private List<FeedHealth> unhealthy() {
		return this.feeds.health(this.clock.instant(), this.properties)
			.stream()
			.filter((feed) -> !feed.healthy())
			.toList();
	}

}
