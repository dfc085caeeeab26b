package dev.switchboard.statuspage.posting;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code statuspage-feed.delivery.*}: how pending posts go out. The prefix still says
 * "delivery" (this package's name before it became {@code posting}): deployments set
 * these keys, so they are kept.
 *
 * @param tick how often due posts are looked for while there are none (while there are,
 * they go out back to back, each destination at its own pace)
 * @param concurrency posts attempted at once (different destinations), so a fan-out never
 * serialises behind one slow channel; each holds a database connection
 * @param teamsInterval least time between two cards to one Teams Workflows URL (4 per
 * second)
 * @param webhookInterval least time between two events to one webhook URL
 * @param maxAttempts transient failures (5xx, timeouts) before a post is marked failed
 * @param backoff first wait after a transient failure, doubled per attempt
 * @param maxBackoff longest wait after a transient failure
 */
@Validated
// key kept for deployments (see above)
@ConfigurationProperties("statuspage-feed.delivery")
public record PostingProperties(@DefaultValue("250ms") @NotNull Duration tick,
		@DefaultValue("16") @Min(1) @Max(256) int concurrency, @DefaultValue("250ms") @NotNull Duration teamsInterval,
		@DefaultValue("100ms") @NotNull Duration webhookInterval, @DefaultValue("8") @Min(1) int maxAttempts,
		@DefaultValue("10s") @NotNull Duration backoff, @DefaultValue("15m") @NotNull Duration maxBackoff) {

}
