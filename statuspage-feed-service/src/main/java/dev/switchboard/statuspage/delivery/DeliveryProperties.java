package dev.switchboard.statuspage.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code statuspage-feed.delivery.*}: how pending deliveries go out.
 *
 * @param tick how often due deliveries are looked for; each subscription sends at most
 * one message per tick (Slack allows about one per second per channel)
 * @param concurrency deliveries attempted at once (different subscriptions), so a fan-out
 * never serialises behind one slow channel
 * @param maxAttempts transient failures (5xx, timeouts) before a delivery is marked
 * failed
 * @param backoff first wait after a transient failure, doubled per attempt
 * @param maxBackoff longest wait after a transient failure
 */
@Validated
@ConfigurationProperties("statuspage-feed.delivery")
public record DeliveryProperties(@DefaultValue("1s") @NotNull Duration tick,
		@DefaultValue("64") @Min(1) @Max(1024) int concurrency, @DefaultValue("8") @Min(1) int maxAttempts,
		@DefaultValue("10s") @NotNull Duration backoff, @DefaultValue("15m") @NotNull Duration maxBackoff) {

}
