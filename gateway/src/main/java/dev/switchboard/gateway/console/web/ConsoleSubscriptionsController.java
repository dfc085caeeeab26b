package dev.switchboard.gateway.console.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.contracts.ServiceNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Status subscriptions and feed health in the console (statuspage-feed-service's
 * {@code /api/feeds} and {@code /api/subscriptions}): feeds with their last fetch and
 * last error, unhealthy ones first; subscriptions filtered by state or name; one
 * subscription with its delivery ledger; pause, resume, send the failed deliveries again.
 */
@Controller
class ConsoleSubscriptionsController {

	private static final String SERVICE = ServiceNames.STATUSPAGE_FEED;

	private static final int LEDGER = 50;

	private final ServiceApis services;

	private final Clock clock;

	ConsoleSubscriptionsController(ServiceApis services, Clock clock) {
		this.services = services;
		this.clock = clock;
	}

	/** A feed's health as {@code GET /api/feeds} shows it. */
	public record Feed(UUID id, String url, @Nullable String pageId, @Nullable Instant lastSuccessAt,
			@Nullable String lastError, @Nullable Instant lastErrorAt, int consecutiveFailures,
			@Nullable Instant lastModified, long updatesSeen, int subscriptions, boolean healthy) {

		static final Comparator<Feed> UNHEALTHY_FIRST = Comparator.comparing(Feed::healthy)
			.thenComparing(Comparator.comparingInt(Feed::consecutiveFailures).reversed())
			.thenComparing(Feed::url);

	}

	/** A subscription as {@code GET /api/subscriptions} shows it (secrets never). */
	public record Subscription(UUID id, String name, Map<String, Object> source, Map<String, Object> channel,
			@Nullable List<String> components, String state, @Nullable String failureReason,
			@Nullable Instant createdAt, long pendingDeliveries, long failedDeliveries, long sentDeliveries,
			long unknownDeliveries) {

		public String sourceText() {
			return String.valueOf(this.source.get("type")) + " "
					+ this.source.getOrDefault("feedUrl", this.source.getOrDefault("url", ""));
		}

		public String feedUrl() {
			return String.valueOf(this.source.getOrDefault("feedUrl", this.source.getOrDefault("url", "")));
		}

		public String channelText() {
			Object target = this.channel.getOrDefault("channelId",
					this.channel.getOrDefault("webhookUrl", this.channel.getOrDefault("url", "")));
			return String.valueOf(this.channel.get("type")) + " " + target;
		}

		public boolean paused() {
			return "paused".equals(this.state);
		}

	}

	/** A row of a subscription's delivery ledger. */
	public record Delivery(long seq, String incident, String title, String status, @Nullable Instant postedAt,
			String state, int attempts, @Nullable String lastError, @Nullable Instant sentAt) {

		public String posted() {
			return BodyView.time(this.postedAt);
		}

	}

	@GetMapping("/console/subscriptions")
	String list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String q, Model model) {
		Instant now = this.clock.instant();
		List<Feed> feeds = this.services.get(SERVICE, "/api/feeds", new TypeReference<List<Feed>>() {
		}).stream().sorted(Feed.UNHEALTHY_FIRST).toList();
		String wanted = ConsoleText.blankToNull(state);
		String text = ConsoleText.blankToNull(q);
		List<Subscription> subscriptions = this.services
			.get(SERVICE, "/api/subscriptions", new TypeReference<List<Subscription>>() {
			})
			.stream()
			.filter((subscription) -> wanted == null || subscription.state().equals(wanted))
			.filter((subscription) -> text == null
					|| subscription.name().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)))
			.sorted(Comparator.comparing((Subscription subscription) -> subscription.failedDeliveries() == 0)
				.thenComparing(Subscription::name))
			.toList();
		model.addAttribute("feeds", feeds.stream().map((feed) -> FeedRow.of(feed, now)).toList());
		model.addAttribute("unhealthy", feeds.stream().filter((feed) -> !feed.healthy()).count());
		model.addAttribute("subscriptions", subscriptions);
		model.addAttribute("state", wanted);
		model.addAttribute("q", text);
		return "console/subscriptions";
	}

	/** A feed as listed: times as ages. */
	public record FeedRow(Feed feed, String lastSuccess, String lastErrorAge) {

		static FeedRow of(Feed feed, Instant now) {
			return new FeedRow(feed,
					(feed.lastSuccessAt() != null) ? BodyView.age(feed.lastSuccessAt(), now) + " ago" : "never",
					(feed.lastErrorAt() != null) ? BodyView.age(feed.lastErrorAt(), now) + " ago" : "");
		}

	}

	@GetMapping("/console/subscriptions/{id}")
	String one(@PathVariable String id, @RequestParam(required = false) @Nullable String notice,
			@RequestParam(required = false) @Nullable Integer requeued, HttpServletResponse response, Model model) {
		Optional<UUID> uuid = ConsoleText.uuid(id);
		if (uuid.isEmpty()) {
			return notFound(response);
		}
		Subscription subscription = this.services.get(SERVICE, "/api/subscriptions/" + uuid.get(),
				new TypeReference<Subscription>() {
				});
		List<Delivery> ledger = this.services.get(SERVICE,
				"/api/subscriptions/" + uuid.get() + "/deliveries?limit=" + LEDGER,
				new TypeReference<List<Delivery>>() {
				});
		Instant now = this.clock.instant();
		Optional<FeedRow> feed = this.services.get(SERVICE, "/api/feeds", new TypeReference<List<Feed>>() {
		})
			.stream()
			.filter((candidate) -> candidate.url().equals(subscription.feedUrl()))
			.findFirst()
			.map((found) -> FeedRow.of(found, now));
		model.addAttribute("subscription", subscription);
		model.addAttribute("ledger", ledger);
		model.addAttribute("feed", feed.orElse(null));
		model.addAttribute("notice", switch (String.valueOf(notice)) {
			case "paused" -> "Paused: new updates are not queued for this subscription.";
			case "active" -> "Resumed: new updates are delivered again.";
			case "retried" -> (requeued != null && requeued > 0) ? requeued + " failed deliveries were queued again."
					: "There was no failed delivery to send again.";
			default -> null;
		});
		return "console/subscription";
	}

	@PostMapping("/console/subscriptions/{id}/state")
	String changeState(@PathVariable String id, @RequestParam String state, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<UUID> uuid = ConsoleText.uuid(id);
		if (uuid.isEmpty() || !(state.equals("paused") || state.equals("active"))) {
			return notFound(response);
		}
		this.services.send(SERVICE, "PATCH", "/api/subscriptions/" + uuid.get(), Map.of("state", state),
				new TypeReference<Map<String, Object>>() {
				});
		return ConsolePaths.seeOther(request, "/console/subscriptions/" + uuid.get() + "?notice=" + state);
	}

	@PostMapping("/console/subscriptions/{id}/retry")
	String retryFailed(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Optional<UUID> uuid = ConsoleText.uuid(id);
		if (uuid.isEmpty()) {
			return notFound(response);
		}
		Map<String, Integer> result = this.services.send(SERVICE, "POST",
				"/api/subscriptions/" + uuid.get() + "/deliveries/retry", null,
				new TypeReference<Map<String, Integer>>() {
				});
		return ConsolePaths.seeOther(request, "/console/subscriptions/" + uuid.get() + "?notice=retried&requeued="
				+ result.getOrDefault("requeued", 0));
	}

	private static String notFound(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "console/not-found";
	}

}
