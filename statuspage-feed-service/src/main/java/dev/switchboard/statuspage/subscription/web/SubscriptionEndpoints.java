package dev.switchboard.statuspage.subscription.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.statuspage.subscription.Channel;
import dev.switchboard.statuspage.subscription.InvalidSubscription;
import dev.switchboard.statuspage.subscription.Source;
import dev.switchboard.statuspage.subscription.Subscription;
import dev.switchboard.statuspage.subscription.SubscriptionCatalog;
import dev.switchboard.statuspage.subscription.SubscriptionState;
import dev.switchboard.statuspage.subscription.Subscriptions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/subscriptions}: customer channel subscriptions. Secrets are never returned;
 * URLs come back with credentials masked.
 */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionEndpoints {

	private final SubscriptionCatalog catalog;

	SubscriptionEndpoints(SubscriptionCatalog catalog) {
		this.catalog = catalog;
	}

	@PostMapping
	ResponseEntity<SubscriptionView> create(@RequestBody SubscriptionRequest request) {
		Subscription created = this.catalog.create(required(request.name(), "name"), source(request.source()),
				channel(request.channel()), (request.components() != null) ? request.components() : List.of(),
				(request.componentAliases() != null) ? request.componentAliases() : Map.of());
		return ResponseEntity.created(URI.create("/api/subscriptions/" + created.id())).body(view(created));
	}

	@GetMapping
	List<SubscriptionView> list() {
		return this.catalog.all().stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	SubscriptionView one(@PathVariable UUID id) {
		return view(this.catalog.find(id));
	}

	@PatchMapping("/{id}")
	SubscriptionView change(@PathVariable UUID id, @RequestBody SubscriptionPatch patch) {
		SubscriptionState state = null;
		if (patch.state() != null) {
			try {
				state = SubscriptionState.valueOf(patch.state().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidSubscription("state must be active or paused");
			}
		}
		return view(this.catalog.change(id, state, patch.components(), patch.componentAliases()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.catalog.delete(id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The subscription's delivery ledger, oldest first: what was sent, skipped or failed
	 * and why.
	 */
	@GetMapping("/{id}/deliveries")
	List<Subscriptions.DeliveryRecord> deliveries(@PathVariable UUID id,
			@RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "100") int limit) {
		return this.catalog.deliveries(id, state, limit);
	}

	/** Sends the failed deliveries again, first and in order. */
	@PostMapping("/{id}/deliveries/retry")
	Map<String, Integer> retryFailed(@PathVariable UUID id) {
		return Map.of("requeued", this.catalog.retryFailed(id));
	}

	private SubscriptionView view(Subscription subscription) {
		return SubscriptionView.of(subscription, this.catalog.counts(subscription.id()));
	}

	private static Source source(SubscriptionRequest.@Nullable SourceBody body) {
		if (body == null) {
			throw new InvalidSubscription("source is required");
		}
		return switch (required(body.type(), "source.type")) {
			case "feed" -> new Source.Feed(required(body.url(), "source.url"));
			case "statuspage" -> new Source.Statuspage(required(body.pageId(), "source.pageId"),
					required(body.feedUrl(), "source.feedUrl"));
			default -> throw new InvalidSubscription("source.type must be feed or statuspage");
		};
	}

	private static Channel channel(SubscriptionRequest.@Nullable ChannelBody body) {
		if (body == null) {
			throw new InvalidSubscription("channel is required");
		}
		return switch (required(body.type(), "channel.type")) {
			case "slack" -> new Channel.Slack(required(body.channelId(), "channel.channelId"));
			case "teams" -> new Channel.Teams(required(body.webhookUrl(), "channel.webhookUrl"));
			case "webhook" ->
				new Channel.Webhook(required(body.url(), "channel.url"), required(body.secret(), "channel.secret"));
			default -> throw new InvalidSubscription("channel.type must be slack, teams or webhook");
		};
	}

	private static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidSubscription(field + " is required");
		}
		return value.strip();
	}

}
