package dev.switchboard.statuspage.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.switchboard.statuspage.incident.CustomerUrls;
import dev.switchboard.statuspage.incident.Feeds;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and removes subscriptions. A new subscription registers its feed (one
 * row per distinct URL) and gets the incidents open at that moment, one parent each with
 * the current status, not the history.
 */
@Service
public class SubscriptionCatalog {

	private static final Pattern SLACK_CHANNEL = Pattern.compile("[A-Z0-9]{6,20}");

	private static final List<String> DELIVERY_STATES = List.of("pending", "sent", "skipped", "failed", "unknown");

	private final Subscriptions subscriptions;

	private final Feeds feeds;

	private final OpenIncidents openIncidents;

	private final CustomerUrls urls;

	private final Clock clock;

	SubscriptionCatalog(Subscriptions subscriptions, Feeds feeds, OpenIncidents openIncidents, CustomerUrls urls,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.urls = urls;
		this.feeds = feeds;
		this.openIncidents = openIncidents;
		this.clock = clock;
	}

	@Transactional
	public Subscription create(String name, Source source, Channel channel, List<String> components,
			Map<String, List<String>> componentAliases) {
		if (name.isBlank() || name.length() > 200) {
			throw new InvalidSubscription("name must be 1 to 200 characters");
		}
		validate(source);
		validate(channel);
		if (components.stream().anyMatch(String::isBlank)) {
			throw new InvalidSubscription("components must not contain blank names");
		}
		validate(componentAliases);
		Instant now = this.clock.instant();
		UUID feedId = this.feeds.register(source.feedUrl(), source.pageId(), source instanceof Source.Statuspage, now);
		// an update recorded for this feed right now reaches this subscription either by
		// its fan-out (committed after this) or as an open incident (committed before)
		this.feeds.lockForChange(feedId);
		Subscription subscription = new Subscription(UUID.randomUUID(), name.strip(), feedId, source, channel,
				components, SubscriptionState.ACTIVE, null, now, componentAliases);
		this.subscriptions.add(subscription, now);
		this.openIncidents.queueFor(subscription.id(), feedId, now);
		return subscription;
	}

	public Subscription find(UUID id) {
		return this.subscriptions.find(id).orElseThrow(() -> new UnknownSubscription(id));
	}

	public List<Subscription> all() {
		return this.subscriptions.all();
	}

	public Subscriptions.DeliveryCounts counts(UUID id) {
		return this.subscriptions.counts(id);
	}

	/**
	 * Pauses or resumes (a failing subscription resumes with its pending updates in
	 * order), and/or replaces the component filter.
	 */
	@Transactional
	public Subscription change(UUID id, @Nullable SubscriptionState state, @Nullable List<String> components,
			@Nullable Map<String, List<String>> componentAliases) {
		Subscription current = find(id);
		Instant now = this.clock.instant();
		if (state == SubscriptionState.FAILING) {
			throw new InvalidSubscription("state can be set to active or paused");
		}
		if (state == SubscriptionState.ACTIVE) {
			// a subscription stored before today's rules (plain http, an IP literal) is
			// not
			// resumed: it would only fail again; the caller learns why
			target(current.channel());
		}
		if (state != null && state != current.state()) {
			this.subscriptions.changeState(id, state, null, now);
		}
		if (components != null) {
			if (components.stream().anyMatch(String::isBlank)) {
				throw new InvalidSubscription("components must not contain blank names");
			}
			this.subscriptions.changeComponents(id, components, now);
		}
		if (componentAliases != null) {
			validate(componentAliases);
			this.subscriptions.changeComponentAliases(id, componentAliases, now);
		}
		return find(id);
	}

	/**
	 * A subscription's deliveries, oldest first.
	 * @param state {@code pending}, {@code sent}, {@code skipped}, {@code failed},
	 * {@code unknown} (a Teams card whose outcome could not be told) or null for all
	 */
	public List<Subscriptions.DeliveryRecord> deliveries(UUID id, @Nullable String state, int limit) {
		find(id);
		if (state != null && !DELIVERY_STATES.contains(state)) {
			throw new InvalidSubscription("state must be one of " + String.join(", ", DELIVERY_STATES));
		}
		if (limit < 1 || limit > 1000) {
			throw new InvalidSubscription("limit must be 1 to 1000");
		}
		return this.subscriptions.deliveries(id, state, limit);
	}

	/**
	 * Sends the subscription's failed deliveries again (after the channel or the
	 * credentials were fixed), before anything newer, in their order; also those whose
	 * outcome is {@code unknown} (a Teams card that may have arrived: the operator looked
	 * and decided).
	 * @return how many were queued again
	 */
	@Transactional
	public int retryFailed(UUID id) {
		find(id);
		return this.subscriptions.retryFailed(id, this.clock.instant());
	}

	@Transactional
	public void delete(UUID id) {
		if (!this.subscriptions.remove(id)) {
			throw new UnknownSubscription(id);
		}
	}

	/**
	 * Component names and their aliases: 1 to 200 characters on one line each, at most 50
	 * components with 20 aliases each.
	 */
	private static void validate(Map<String, List<String>> componentAliases) {
		if (componentAliases.size() > 50) {
			throw new InvalidSubscription("componentAliases may name at most 50 components");
		}
		componentAliases.forEach((component, aliases) -> {
			if (!oneLine(component) || aliases == null || aliases.size() > 20
					|| !aliases.stream().allMatch(SubscriptionCatalog::oneLine)) {
				throw new InvalidSubscription("componentAliases maps a component name to at most 20 aliases, "
						+ "each 1 to 200 characters on one line");
			}
		});
	}

	private static boolean oneLine(@Nullable String name) {
		return name != null && !name.isBlank() && name.length() <= 200
				&& name.chars().noneMatch(Character::isISOControl);
	}

	private void validate(Source source) {
		switch (source) {
			case Source.Feed feed -> url(feed.url(), "source.url", CustomerUrls.Use.FEED);
			case Source.Statuspage page -> {
				if (page.pageId().isBlank() || page.pageId().length() > 100) {
					throw new InvalidSubscription("source.pageId is required");
				}
				url(page.feedUrl(), "source.feedUrl", CustomerUrls.Use.FEED);
			}
		}
	}

	private void validate(Channel channel) {
		switch (channel) {
			case Channel.Slack slack -> {
				if (!SLACK_CHANNEL.matcher(slack.channelId()).matches()) {
					throw new InvalidSubscription("channel.channelId must be a Slack channel id such as C0123ABCD");
				}
			}
			case Channel.Teams teams -> target(teams);
			case Channel.Webhook webhook -> {
				target(webhook);
				if (!webhook.secret().startsWith("whsec_") || webhook.secret().length() < 30) {
					throw new InvalidSubscription(
							"channel.secret must be a Standard Webhooks secret (whsec_ + base64)");
				}
			}
		}
	}

	private void target(Channel channel) {
		switch (channel) {
			case Channel.Slack slack -> {
			}
			case Channel.Teams teams -> url(teams.webhookUrl(), "channel.webhookUrl", CustomerUrls.Use.TARGET);
			case Channel.Webhook webhook -> url(webhook.url(), "channel.url", CustomerUrls.Use.TARGET);
		}
	}

	/**
	 * An http(s) URL with a host, https for targets, and not an address of ours; where a
	 * host name resolves is checked on every connection.
	 */
	private void url(String url, String field, CustomerUrls.Use use) {
		this.urls.refusal(url, use).ifPresent((reason) -> {
			throw new InvalidSubscription(field + " " + reason);
		});
	}

}
