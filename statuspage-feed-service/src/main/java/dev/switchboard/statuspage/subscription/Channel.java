package dev.switchboard.statuspage.subscription;

/** Where a subscription's updates are posted. */
public sealed interface Channel {

	/**
	 * {@code slack}, {@code teams} or {@code webhook}: the prefix of the channel's
	 * destination key, and how its poster is found.
	 */
	default String kind() {
		return switch (this) {
			case Slack slack -> "slack";
			case Teams teams -> "teams";
			case Webhook webhook -> "webhook";
		};
	}

	/** A Slack channel the bot is a member of: one thread per incident. */
	record Slack(String channelId) implements Channel {

	}

	/**
	 * A Teams Workflows webhook: an Adaptive Card per update.
	 *
	 * @param webhookUrl carries its credential ({@code sig}); shown masked only
	 */
	record Teams(String webhookUrl) implements Channel {

		@Override
		public String toString() {
			return "Teams[webhookUrl=" + Subscription.masked(this.webhookUrl) + "]";
		}

	}

	/**
	 * Any HTTPS endpoint: a JSON event per update, signed with Standard Webhooks.
	 *
	 * @param secret {@code whsec_} + base64 key; never returned by the API
	 */
	record Webhook(String url, String secret) implements Channel {

		@Override
		public String toString() {
			return "Webhook[url=" + Subscription.masked(this.url) + ", secret=***]";
		}

	}

}
