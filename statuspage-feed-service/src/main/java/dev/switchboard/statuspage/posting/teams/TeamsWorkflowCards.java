package dev.switchboard.statuspage.posting.teams;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;

import dev.switchboard.statuspage.posting.IncidentView;
import dev.switchboard.statuspage.posting.PostResult;
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
 * Posts an Adaptive Card (version 1.4) per update to a Teams Workflows webhook, kept
 * under Teams' 28 KB per message by shortening the text. Uses the client for
 * customer-supplied URLs (address checks on every hop). A failure to connect and a 5xx
 * that says the card was not taken (500, 502, 503) are retried briefly (Resilience4j
 * retry {@code teams}); 429 is parked for its Retry-After; 401, 403, 404 and 410 mean the
 * webhook is gone (subscription failing). A timeout or a reset after the card was sent,
 * and a 504 (the gateway gave up waiting for the flow, which may have run), are
 * {@link PostResult.Unknown}: a Workflows webhook cannot be asked what it received, so
 * the card is never sent again without an operator.
 */
@Component
class TeamsWorkflowCards implements TeamsCards {

	static final int MAX_BYTES = 28 * 1024;

	private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

	/** When a 429 names no usable Retry-After. */
	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

	private final OkHttpClient http;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final CustomerUrls urls;

	private final Retry retry = Retry.of("teams",
			RetryConfig.<PostResult>custom()
				.maxAttempts(3)
				.waitDuration(Duration.ofMillis(500))
				.retryOnResult((result) -> result instanceof PostResult.Transient)
				.build());

	TeamsWorkflowCards(OkHttpClient targetHttpClient, JsonMapper json, MeterRegistry meters, CustomerUrls urls) {
		this.http = targetHttpClient;
		this.urls = urls;
		this.json = json;
		this.meters = meters;
	}

	@Override
	public PostResult post(String webhookUrl, IncidentView view) {
		// a row stored before today's rules (plain http, an IP literal) is not called
		Optional<String> refusal = this.urls.refusal(webhookUrl, CustomerUrls.Use.TARGET);
		if (refusal.isPresent()) {
			return new PostResult.ChannelBroken("teams target " + refusal.get());
		}
		byte[] body = message(view);
		PostResult result = this.retry.executeSupplier(() -> once(webhookUrl, body));
		this.meters.counter("switchboard.teams.posts", "outcome", result.getClass().getSimpleName().toLowerCase())
			.increment();
		return result;
	}

	byte[] message(IncidentView view) {
		String text = view.text();
		byte[] bytes = this.json.writeValueAsBytes(card(view, text));
		while (bytes.length > MAX_BYTES && !text.isEmpty()) {
			int cut = Math.max(0, text.length() - (bytes.length - MAX_BYTES) - 16);
			text = text.substring(0, Math.min(cut, text.length() - 1)) + "…";
			bytes = this.json.writeValueAsBytes(card(view, text));
		}
		return bytes;
	}

	private static Map<String, Object> card(IncidentView view, String text) {
		List<Object> facts = new ArrayList<>();
		facts.add(Map.of("title", "Status", "value", view.statusLabel()));
		facts.add(Map.of("title", "Impact", "value", (view.impact() != null) ? view.impact() : "unknown"));
		if (view.components() != null && !view.components().isEmpty()) {
			facts.add(Map.of("title", "Components", "value", String.join(", ", view.components())));
		}
		facts.add(Map.of("title", "Posted", "value", view.postedAt().toString()));
		List<Object> body = new ArrayList<>();
		body.add(Map.of("type", "TextBlock", "text", view.title(), "weight", "Bolder", "size", "Medium", "wrap", true));
		body.add(Map.of("type", "FactSet", "facts", facts));
		body.add(Map.of("type", "TextBlock", "text", text, "wrap", true));
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("type", "AdaptiveCard");
		content.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		content.put("version", "1.4");
		content.put("body", body);
		if (view.link() != null) {
			content.put("actions",
					List.of(Map.of("type", "Action.OpenUrl", "title", "Open incident", "url", view.link())));
		}
		return Map.of("type", "message", "attachments",
				List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", content)));
	}

	private PostResult once(String url, byte[] body) {
		Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
		try (Response response = this.http.newCall(request).execute()) {
			int code = response.code();
			if (response.isSuccessful()) {
				return new PostResult.Posted(null);
			}
			if (code == 429) {
				return new PostResult.RetryAfter(retryAfter(response.header("Retry-After")), "teams 429");
			}
			if (code == 504) {
				return new PostResult.Unknown("teams outcome unknown: HTTP 504");
			}
			if (code >= 500) {
				return new PostResult.Transient("teams HTTP " + code);
			}
			if (code == 401 || code == 403 || code == 404 || code == 410) {
				return new PostResult.ChannelBroken("teams-http-" + code);
			}
			return new PostResult.Rejected("teams HTTP " + code);
		}
		catch (IOException ex) {
			// the kind only: an address, a port or a "connection refused" would make
			// delivery failures a port scanner for whoever may create subscriptions
			Unreachable failure = Unreachable.of(ex);
			if (failure == Unreachable.REFUSED) {
				return new PostResult.ChannelBroken("teams target " + failure.text());
			}
			return connecting(ex) ? new PostResult.Transient("teams target " + failure.text()) : new PostResult.Unknown(
					"teams outcome unknown: target " + failure.text() + " after the card was sent");
		}
	}

	/**
	 * Whether the call failed before the request could be sent (nothing was posted). A
	 * copy lives in the Slack adapter: each adapter keeps its own.
	 */
	static boolean connecting(IOException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException || cause instanceof SSLHandshakeException) {
				return true;
			}
			if (cause instanceof SocketTimeoutException
					&& String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
				return true;
			}
		}
		return false;
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
