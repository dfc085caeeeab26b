package dev.switchboard.statuspage.posting.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.switchboard.statuspage.posting.IncidentView;
import dev.switchboard.statuspage.posting.PostResult;
import dev.switchboard.statuspage.posting.ChannelPoster;
import dev.switchboard.statuspage.posting.PendingPost;
import dev.switchboard.statuspage.posting.PostingProperties;
import dev.switchboard.statuspage.subscription.Channel;
import dev.switchboard.statuspage.subscription.Subscription;
import dev.switchboard.statuspage.incident.CustomerUrls;
import dev.switchboard.statuspage.incident.Unreachable;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Posts {@code {type: incident.opened|updated|resolved, …}} to a customer's endpoint,
 * signed with Standard Webhooks ({@code webhook-id} stable per delivery,
 * {@code webhook-timestamp}, {@code webhook-signature: v1,…}). Retries 5xx and timeouts
 * briefly (Resilience4j retry {@code webhook}).
 */
@Component
class WebhookChannelPoster implements ChannelPoster {

	private static final MediaType JSON = MediaType.get("application/json");

	/** When a 429 names no usable Retry-After. */
	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

	private final OkHttpClient http;

	private final JsonMapper json;

	private final Clock clock;

	private final MeterRegistry meters;

	private final CustomerUrls urls;

	private final Duration interval;

	private final Retry retry = Retry.of("webhook",
			RetryConfig.<PostResult>custom()
				.maxAttempts(3)
				.waitDuration(Duration.ofMillis(500))
				.retryOnResult((result) -> result instanceof PostResult.Transient)
				.build());

	WebhookChannelPoster(OkHttpClient targetHttpClient, JsonMapper json, Clock clock, MeterRegistry meters,
			CustomerUrls urls, PostingProperties properties) {
		this.interval = properties.webhookInterval();
		this.http = targetHttpClient;
		this.urls = urls;
		this.json = json;
		this.clock = clock;
		this.meters = meters;
	}

	@Override
	public String kind() {
		return "webhook";
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

	/** Every attempt carries the same {@code webhook-id}: receivers drop repeats. */
	@Override
	public boolean repeatsSafely() {
		return true;
	}

	@Override
	public PostResult post(Subscription subscription, PendingPost post) {
		if (!(subscription.channel() instanceof Channel.Webhook(String url, String secret))) {
			throw new IllegalArgumentException("Not a webhook subscription: " + subscription.id());
		}
		return post(url, secret, "msg_" + subscription.id() + "_" + post.view().updateId(), post.view());
	}

	/**
	 * @param messageId the same on every attempt of this post ({@code webhook-id})
	 */
	PostResult post(String url, String secret, String messageId, IncidentView view) {
		// a row stored before today's rules (plain http, an IP literal) is not called
		Optional<String> refusal = this.urls.refusal(url, CustomerUrls.Use.TARGET);
		if (refusal.isPresent()) {
			return new PostResult.ChannelBroken("webhook target " + refusal.get());
		}
		String payload = this.json.writeValueAsString(event(view));
		PostResult result = this.retry.executeSupplier(() -> once(url, secret, messageId, payload));
		this.meters.counter("switchboard.webhook.posts", "outcome", result.getClass().getSimpleName().toLowerCase())
			.increment();
		return result;
	}

	private static Map<String, Object> event(IncidentView view) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", "incident." + view.change());
		event.put("updateId", view.updateId().toString());
		event.put("incidentId", view.incidentCode());
		event.put("title", view.title());
		event.put("status", view.status());
		event.put("impact", view.impact());
		event.put("components", (view.components() != null) ? view.components() : List.of());
		event.put("link", view.link());
		event.put("text", view.text());
		event.put("occurredAt", view.postedAt().toString());
		return event;
	}

	private PostResult once(String url, String secret, String messageId, String payload) {
		long timestamp = this.clock.instant().getEpochSecond();
		String signature;
		try {
			signature = new Webhook(secret).sign(messageId, timestamp, payload);
		}
		catch (WebhookSigningException | EmptyWebhookSecretException | RuntimeException ex) {
			return new PostResult.ChannelBroken("webhook-secret-unusable");
		}
		Request request = new Request.Builder().url(url)
			.header("webhook-id", messageId)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", signature)
			.post(RequestBody.create(payload, JSON))
			.build();
		try (Response response = this.http.newCall(request).execute()) {
			int code = response.code();
			if (response.isSuccessful()) {
				return new PostResult.Posted(null);
			}
			if (code == 429) {
				return new PostResult.RetryAfter(retryAfter(response.header("Retry-After")), "webhook 429");
			}
			if (code >= 500 || code == 408) {
				return new PostResult.Transient("webhook HTTP " + code);
			}
			if (code == 401 || code == 403 || code == 404 || code == 410) {
				return new PostResult.ChannelBroken("webhook-http-" + code);
			}
			return new PostResult.Rejected("webhook HTTP " + code);
		}
		catch (IOException ex) {
			// the kind only: an address, a port or a "connection refused" would make
			// delivery failures a port scanner for whoever may create subscriptions
			Unreachable failure = Unreachable.of(ex);
			return (failure == Unreachable.REFUSED) ? new PostResult.ChannelBroken("webhook target " + failure.text())
					: new PostResult.Transient("webhook target " + failure.text());
		}
	}

	static Duration retryAfter(@Nullable String header) {
		if (header == null) {
			return DEFAULT_RETRY_AFTER;
		}
		try {
			return Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
		}
		catch (NumberFormatException ex) {
			return DEFAULT_RETRY_AFTER;
		}
	}

}
