package dev.switchboard.statuspage.subscription.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.statuspage.subscription.Channel;
import dev.switchboard.statuspage.subscription.Source;
import dev.switchboard.statuspage.subscription.Subscription;
import dev.switchboard.statuspage.subscription.Subscriptions;
import org.jspecify.annotations.Nullable;

/** A subscription as the API shows it: no secret, URLs masked. */
record SubscriptionView(UUID id, String name, Map<String, Object> source, Map<String, Object> channel,
		List<String> components, Map<String, List<String>> componentAliases, String state,
		@Nullable String failureReason, Instant createdAt, long pendingDeliveries, long failedDeliveries,
		long sentDeliveries, long unknownDeliveries) {

	static SubscriptionView of(Subscription subscription, Subscriptions.DeliveryCounts counts) {
		Map<String, Object> source = new LinkedHashMap<>();
		switch (subscription.source()) {
			case Source.Feed feed -> {
				source.put("type", "feed");
				source.put("url", Subscription.masked(feed.url()));
			}
			case Source.Statuspage page -> {
				source.put("type", "statuspage");
				source.put("pageId", page.pageId());
				source.put("feedUrl", Subscription.masked(page.feedUrl()));
			}
		}
		Map<String, Object> channel = new LinkedHashMap<>();
		switch (subscription.channel()) {
			case Channel.Slack slack -> {
				channel.put("type", "slack");
				channel.put("channelId", slack.channelId());
			}
			case Channel.Teams teams -> {
				channel.put("type", "teams");
				channel.put("webhookUrl", Subscription.masked(teams.webhookUrl()));
			}
			case Channel.Webhook webhook -> {
				channel.put("type", "webhook");
				channel.put("url", Subscription.masked(webhook.url()));
				channel.put("secretConfigured", true);
			}
		}
		return new SubscriptionView(subscription.id(), subscription.name(), source, channel, subscription.components(),
				subscription.componentAliases(), subscription.state().name().toLowerCase(Locale.ROOT),
				subscription.failureReason(), subscription.createdAt(), counts.pending(), counts.failed(),
				counts.sent(), counts.unknown());
	}

}
