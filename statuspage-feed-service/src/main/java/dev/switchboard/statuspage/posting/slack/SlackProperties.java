package dev.switchboard.statuspage.posting.slack;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code statuspage-feed.slack.*}: the Slack Web API as a bot.
 *
 * @param botToken {@code SLACK_BOT_TOKEN}; blank = Slack not configured (Slack
 * subscriptions are marked failing with {@code slack-not-configured})
 * @param broadcastResolved also show the resolving reply in the channel
 * @param channelInterval least time between two messages to one channel, counted from
 * Slack's answer to the first (Slack: about one message per second per channel)
 * @param workspaceMessagesPerMinute ceiling on {@code chat.postMessage} across the
 * workspace, all channels and instances together (Slack: "several hundred per minute")
 * @param parentEditsPerMinute budget for {@code chat.update} (tier 3: about 50 per minute
 * per workspace), across instances
 * @param retryAttempts attempts of one call on 5xx/timeouts (Resilience4j retry
 * {@code slack})
 * @param lookupMargin how far before a post's intent its lookup starts (clock skew
 * between us and Slack)
 */
@Validated
@ConfigurationProperties("statuspage-feed.slack")
record SlackProperties(@DefaultValue("https://slack.com/api") @NotNull URI baseUrl, @DefaultValue("") String botToken,
		@DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("10s") @NotNull Duration readTimeout,
		@DefaultValue("false") boolean broadcastResolved, @DefaultValue("1s") @NotNull Duration channelInterval,
		@DefaultValue("600") @Min(1) int workspaceMessagesPerMinute,
		@DefaultValue("45") @Min(1) int parentEditsPerMinute, @DefaultValue("3") @Min(1) int retryAttempts,
		@DefaultValue("500ms") @NotNull Duration retryWait, @DefaultValue("5m") @NotNull Duration lookupMargin) {

	public boolean configured() {
		return !this.botToken.isBlank() && !this.botToken.startsWith("${");
	}

	@Override
	public String toString() {
		return "SlackProperties[baseUrl=" + this.baseUrl + ", botToken=***]";
	}

}
