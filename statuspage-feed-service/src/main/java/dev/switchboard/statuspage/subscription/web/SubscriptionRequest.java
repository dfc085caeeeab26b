package dev.switchboard.statuspage.subscription.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/subscriptions}: {@code {name, source: {type: feed, url} | {type:
 * statuspage, pageId, feedUrl}, channel: {type: slack, channelId} | {type: teams,
 * webhookUrl} | {type: webhook, url, secret}, components: [..], componentAliases:
 * {component: [alias, ..]}}}.
 */
record SubscriptionRequest(@Nullable String name, @Nullable SourceBody source, @Nullable ChannelBody channel,
		@Nullable List<String> components, @Nullable Map<String, List<String>> componentAliases) {

	record SourceBody(@Nullable String type, @Nullable String url, @Nullable String pageId, @Nullable String feedUrl) {

	}

	record ChannelBody(@Nullable String type, @Nullable String channelId, @Nullable String webhookUrl,
			@Nullable String url, @Nullable String secret) {

		@Override
		public String toString() {
			return "ChannelBody[type=" + this.type + "]";
		}

	}

}
