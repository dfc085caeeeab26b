package dev.switchboard.statuspage.delivery.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.statuspage.delivery.IncidentView;
import dev.switchboard.statuspage.delivery.PostResult;
import dev.switchboard.statuspage.delivery.SlackMessages;
import dev.switchboard.statuspage.delivery.SlackProperties;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code chat.postMessage} and {@code chat.update} with the bot token. Slack answers
 * errors as HTTP 200 {@code {"ok":false,"error":"…"}}: channel and auth errors mark the
 * subscription failing, others fail the message. 5xx and timeouts are retried briefly
 * (Resilience4j retry {@code slack}); 429 is parked for its {@code Retry-After}.
 */
@Component
class SlackWebApiMessages implements SlackMessages {

	private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

	private static final Set<String> CHANNEL_ERRORS = Set.of("not_in_channel", "channel_not_found", "is_archived",
			"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "missing_scope",
			"restricted_action", "no_permission", "ekm_access_denied");

	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

	private final OkHttpClient http;

	private final SlackProperties properties;

	private final JsonMapper json;

	private final Retry retry;

	private final MeterRegistry meters;

	SlackWebApiMessages(SlackProperties properties, JsonMapper json, MeterRegistry meters) {
		this.properties = properties;
		this.json = json;
		this.meters = meters;
		this.http = new OkHttpClient.Builder().connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.callTimeout(properties.connectTimeout().plus(properties.readTimeout()))
			.followRedirects(false)
			.build();
		this.retry = Retry.of("slack",
				RetryConfig.<PostResult>custom()
					.maxAttempts(properties.retryAttempts())
					.waitDuration(properties.retryWait())
					.retryOnResult((result) -> result instanceof PostResult.Transient)
					.build());
	}

	@Override
	public PostResult postParent(String channel, IncidentView view) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", channel);
		body.put("text", SlackText.fallback(view, view.status()));
		body.put("attachments", List.of(SlackText.attachment(view, view.status(), view.text())));
		body.put("unfurl_links", false);
		return call("chat.postMessage", body, "parent");
	}

	@Override
	public PostResult postReply(String channel, String threadTs, IncidentView view, boolean broadcast) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", channel);
		body.put("thread_ts", threadTs);
		body.put("text", SlackText.reply(view));
		body.put("reply_broadcast", broadcast);
		body.put("unfurl_links", false);
		return call("chat.postMessage", body, "reply");
	}

	@Override
	public PostResult updateParent(String channel, String ts, IncidentView view, @Nullable String status) {
		String shown = (status != null) ? status : view.status();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", channel);
		body.put("ts", ts);
		body.put("text", SlackText.fallback(view, shown));
		body.put("attachments", List.of(SlackText.attachment(view, shown, null)));
		return call("chat.update", body, "parent-edit");
	}

	private PostResult call(String method, Map<String, Object> body, String kind) {
		PostResult result = this.retry.executeSupplier(() -> once(method, body));
		this.meters
			.counter("switchboard.slack.calls", "kind", kind, "outcome",
					result.getClass().getSimpleName().toLowerCase())
			.increment();
		return result;
	}

	private PostResult once(String method, Map<String, Object> body) {
		Request request = new Request.Builder().url(this.properties.baseUrl() + "/" + method)
			.header("Authorization", "Bearer " + this.properties.botToken())
			.post(RequestBody.create(this.json.writeValueAsBytes(body), JSON))
			.build();
		try (Response response = this.http.newCall(request).execute()) {
			if (response.code() == 429) {
				return new PostResult.RetryAfter(retryAfter(response.header("Retry-After")), "slack 429");
			}
			if (response.code() >= 500) {
				return new PostResult.Transient("slack HTTP " + response.code());
			}
			if (!response.isSuccessful()) {
				return new PostResult.Rejected("slack HTTP " + response.code());
			}
			return answer(this.json.readTree(response.body().string()));
		}
		catch (JacksonException ex) {
			return new PostResult.Transient("slack answered something that is not JSON");
		}
		catch (IOException ex) {
			return new PostResult.Transient("slack " + ex.getClass().getSimpleName());
		}
	}

	private static PostResult answer(JsonNode answer) {
		if (answer.path("ok").asBoolean(false)) {
			String ts = answer.path("ts").asString(null);
			return (ts != null) ? new PostResult.Posted(ts) : new PostResult.Transient("slack answered ok without ts");
		}
		String error = answer.path("error").asString("unknown_error");
		if (!answer.has("ok")) {
			return new PostResult.Transient("slack answered without ok");
		}
		if (error.equals("ratelimited")) {
			return new PostResult.RetryAfter(DEFAULT_RETRY_AFTER, "slack ratelimited");
		}
		if (error.equals("internal_error") || error.equals("fatal_error") || error.equals("service_unavailable")) {
			return new PostResult.Transient("slack " + error);
		}
		return CHANNEL_ERRORS.contains(error) ? new PostResult.ChannelBroken(error) : new PostResult.Rejected(error);
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
