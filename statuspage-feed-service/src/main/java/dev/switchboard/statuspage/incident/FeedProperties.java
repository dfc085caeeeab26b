package dev.switchboard.statuspage.incident;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code statuspage-feed.*}: how feeds are read and when their updates are delivered.
 *
 * @param pollInterval how often each distinct feed URL is polled
 * @param pollJitter random extra delay per poll, so feeds do not all fall due together
 * @param pollConcurrency how many feeds one instance fetches at once
 * @param firstRunWindow on a new feed, updates older than this are recorded, not posted
 * @param webhookGrace how long a feed-first Statuspage update waits for the webhook's
 * components
 * @param allowPrivateAddresses allow feeds and targets on loopback, private or link-local
 * addresses (tests and sandboxes only)
 * @param allowInsecureTargets allow Teams and webhook targets on plain http (tests and
 * sandboxes only: the body, its signature and a Teams URL's {@code sig} would cross the
 * network in clear)
 * @param maxFeedSize a larger feed document is refused
 * @param connectTimeout connect timeout of feed and target requests
 * @param readTimeout read timeout of feed and target requests
 * @param unhealthyAfter a feed without a successful fetch for this long is unhealthy
 * @param unhealthyFailures a feed failing this many times in a row is unhealthy
 * @param retention how long updates, deliveries and threads are kept; an update older
 * than this is ignored when a feed still shows it (never delivered, never announced)
 */
@Validated
@ConfigurationProperties("statuspage-feed")
public record FeedProperties(@DefaultValue("30s") @NotNull Duration pollInterval,
		@DefaultValue("5s") @NotNull Duration pollJitter, @DefaultValue("8") @Min(1) @Max(64) int pollConcurrency,
		@DefaultValue("1h") @NotNull Duration firstRunWindow, @DefaultValue("60s") @NotNull Duration webhookGrace,
		@DefaultValue("false") boolean allowPrivateAddresses, @DefaultValue("false") boolean allowInsecureTargets,
		@DefaultValue("2MB") @NotNull DataSize maxFeedSize, @DefaultValue("5s") @NotNull Duration connectTimeout,
		@DefaultValue("10s") @NotNull Duration readTimeout, @DefaultValue("10m") @NotNull Duration unhealthyAfter,
		@DefaultValue("3") @Min(1) int unhealthyFailures, @DefaultValue("30d") @NotNull Duration retention) {

	/**
	 * The longest one request to a feed or target may take, redirects included (OkHttp's
	 * call timeout).
	 * @return twice the connect and read timeouts
	 */
	public Duration callTimeout() {
		return this.connectTimeout.plus(this.readTimeout).multipliedBy(2);
	}

}
