package dev.switchboard.statuspage.posting.slack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;

import dev.switchboard.statuspage.posting.IncidentView;
import dev.switchboard.statuspage.posting.PostResult;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.HttpUrl;
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
 * subscription failing, others fail the message. A failure to connect is retried briefly
 * (Resilience4j retry {@code slack}); 429 is parked for its {@code Retry-After}. A post
 * whose answer was lost (timeout or reset after sending, 5xx, {@code internal_error},
 * {@code fatal_error}, an unreadable answer) is {@link PostResult.Unknown}, never retried
 * here: every post carries its client id as message metadata
 * ({@code switchboard_update}), and {@link #find} looks it up
 * ({@code conversations.history} for parents, {@code conversations.replies} for replies,
 * both with {@code include_all_metadata}) before the delivery is posted again. Edits and
 * lookups change nothing when repeated, so they are retried on those failures too.
 */
@Component
class SlackWebApiMessages implements SlackMessages {

	static final String EVENT_TYPE = "switchboard_update";

	private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

	private static final Set<String> CHANNEL_ERRORS = Set.of("not_in_channel", "channel_not_found", "is_archived",
			"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "missing_scope",
			"restricted_action", "no_permission", "ekm_access_denied");

	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

	/** Pages of 200 messages read at most for one lookup. */
	private static final int LOOKUP_PAGES = 10;

	private final OkHttpClient http;

	private final SlackProperties properties;

	private final JsonMapper json;

	/** Posts: only failures that certainly posted nothing. */
	private final Retry retry;

	/** Edits and lookups: also failures whose outcome is unknown. */
	private final Retry repeatable;

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
		this.retry = retry(properties, (result) -> result instanceof PostResult.Transient);
		this.repeatable = retry(properties,
				(result) -> result instanceof PostResult.Transient || result instanceof PostResult.Unknown);
	}

	private static Retry retry(SlackProperties properties, java.util.function.Predicate<PostResult> worthIt) {
		return Retry.of("slack",
				RetryConfig.<PostResult>custom()
					.maxAttempts(properties.retryAttempts())
					.waitDuration(properties.retryWait())
					.retryOnResult(worthIt)
					.build());
	}

	@Override
	public PostResult postParent(String channel, IncidentView view, String clientId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", channel);
		body.put("text", SlackText.fallback(view, view.status()));
		body.put("attachments", List.of(SlackText.attachment(view, view.status(), view.text())));
		body.put("unfurl_links", false);
		body.put("metadata", metadata(clientId));
		return call("chat.postMessage", body, "parent", this.retry);
	}

	@Override
	public PostResult postReply(String channel, String threadTs, IncidentView view, boolean broadcast,
			String clientId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", channel);
		body.put("thread_ts", threadTs);
		body.put("text", SlackText.reply(view));
		body.put("reply_broadcast", broadcast);
		body.put("unfurl_links", false);
		body.put("metadata", metadata(clientId));
		return call("chat.postMessage", body, "reply", this.retry);
	}

	private static Map<String, Object> metadata(String clientId) {
		return Map.of("event_type", EVENT_TYPE, "event_payload", Map.of("delivery", clientId));
	}

	@Override
	public PostResult updateParent(String channel, String ts, IncidentView view, @Nullable String status) {
		String shown = (status != null) ? status : view.status();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", channel);
		body.put("ts", ts);
		body.put("text", SlackText.fallback(view, shown));
		body.put("attachments", List.of(SlackText.attachment(view, shown, null)));
		PostResult result = call("chat.update", body, "parent-edit", this.repeatable);
		return (result instanceof PostResult.Unknown unknown) ? new PostResult.Transient(unknown.reason()) : result;
	}

	private PostResult call(String method, Map<String, Object> body, String kind, Retry retry) {
		PostResult result = retry.executeSupplier(() -> once(method, body));
		count(kind, result.getClass().getSimpleName().toLowerCase(Locale.ROOT));
		return result;
	}

	private void count(String kind, String outcome) {
		this.meters.counter("switchboard.slack.calls", "kind", kind, "outcome", outcome).increment();
	}

	private PostResult once(String method, Map<String, Object> body) {
		Request request = new Request.Builder().url(this.properties.baseUrl() + "/" + method)
			.header("Authorization", "Bearer " + this.properties.botToken())
			.post(RequestBody.create(this.json.writeValueAsBytes(body), JSON))
			.build();
		try (Response response = this.http.newCall(request).execute()) {
			return answer(response);
		}
		catch (IOException ex) {
			return connecting(ex) ? new PostResult.Transient("slack " + ex.getClass().getSimpleName())
					: new PostResult.Unknown("slack " + ex.getClass().getSimpleName() + " after sending");
		}
	}

	private PostResult answer(Response response) throws IOException {
		if (response.code() == 429) {
			return new PostResult.RetryAfter(retryAfter(response.header("Retry-After")), "slack 429");
		}
		if (response.code() >= 500) {
			return new PostResult.Unknown("slack HTTP " + response.code());
		}
		if (!response.isSuccessful()) {
			return new PostResult.Rejected("slack HTTP " + response.code());
		}
		try {
			return answer(this.json.readTree(response.body().string()));
		}
		catch (JacksonException ex) {
			return new PostResult.Unknown("slack answered something that is not JSON");
		}
	}

	@Override
	public SlackLookup find(String channel, @Nullable String threadTs, String clientId, Instant since) {
		String cursor = null;
		for (int page = 0; page < LOOKUP_PAGES; page++) {
			String current = cursor;
			Lookup lookup = new Lookup(channel, threadTs, clientId, since, current);
			this.repeatable.executeSupplier(lookup::read);
			if (lookup.outcome != null) {
				count("lookup", lookup.outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT));
				return lookup.outcome;
			}
			cursor = lookup.next;
			if (cursor == null || cursor.isEmpty()) {
				break;
			}
		}
		count("lookup", "notfound");
		return new SlackLookup.NotFound();
	}

	/** One page of a lookup. */
	private final class Lookup {

		private final HttpUrl url;

		private final String clientId;

		@Nullable SlackLookup outcome;

		@Nullable String next;

		Lookup(String channel, @Nullable String threadTs, String clientId, Instant since, @Nullable String cursor) {
			this.clientId = clientId;
			HttpUrl.Builder url = HttpUrl
				.get(SlackWebApiMessages.this.properties.baseUrl() + "/"
						+ ((threadTs != null) ? "conversations.replies" : "conversations.history"))
				.newBuilder()
				.addQueryParameter("channel", channel);
			if (threadTs != null) {
				url.addQueryParameter("ts", threadTs);
			}
			url.addQueryParameter("oldest", slackTs(since))
				.addQueryParameter("inclusive", "true")
				.addQueryParameter("include_all_metadata", "true")
				.addQueryParameter("limit", "200");
			if (cursor != null) {
				url.addQueryParameter("cursor", cursor);
			}
			this.url = url.build();
		}

		PostResult read() {
			this.outcome = null;
			this.next = null;
			Request request = new Request.Builder().url(this.url)
				.header("Authorization", "Bearer " + SlackWebApiMessages.this.properties.botToken())
				.get()
				.build();
			PostResult failure;
			try (Response response = SlackWebApiMessages.this.http.newCall(request).execute()) {
				if (response.code() != 200) {
					failure = SlackWebApiMessages.this.answer(response);
				}
				else {
					JsonNode answer = SlackWebApiMessages.this.json.readTree(response.body().string());
					if (answer.path("ok").asBoolean(false)) {
						take(answer);
						return new PostResult.Posted(null);
					}
					failure = SlackWebApiMessages.answer(answer);
				}
			}
			catch (JacksonException ex) {
				failure = new PostResult.Unknown("slack answered a lookup with something that is not JSON");
			}
			catch (IOException ex) {
				failure = new PostResult.Transient("slack lookup " + ex.getClass().getSimpleName());
			}
			this.outcome = new SlackLookup.Failed(failure);
			return failure;
		}

		private void take(JsonNode answer) {
			for (JsonNode message : answer.path("messages")) {
				JsonNode metadata = message.path("metadata");
				if (EVENT_TYPE.equals(metadata.path("event_type").asString(null))
						&& this.clientId.equals(metadata.path("event_payload").path("delivery").asString(null))) {
					this.outcome = new SlackLookup.Found(message.path("ts").asString());
					return;
				}
			}
			this.next = answer.path("response_metadata").path("next_cursor").asString(null);
		}

	}

	/** Slack's {@code ts} form of an instant: seconds, then microseconds. */
	static String slackTs(Instant instant) {
		return instant.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", instant.getNano() / 1000);
	}

	/**
	 * Whether the call failed before the request could be sent (nothing was posted). A
	 * copy lives in the Teams adapter: each adapter keeps its own.
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

	private static PostResult answer(JsonNode answer) {
		if (answer.path("ok").asBoolean(false)) {
			String ts = answer.path("ts").asString(null);
			return (ts != null) ? new PostResult.Posted(ts) : new PostResult.Unknown("slack answered ok without ts");
		}
		String error = answer.path("error").asString("unknown_error");
		if (!answer.has("ok")) {
			return new PostResult.Unknown("slack answered without ok");
		}
		if (error.equals("ratelimited")) {
			return new PostResult.RetryAfter(DEFAULT_RETRY_AFTER, "slack ratelimited");
		}
		if (error.equals("internal_error") || error.equals("fatal_error") || error.equals("service_unavailable")) {
			// Slack: "it's possible some aspect of the operation succeeded"
			return new PostResult.Unknown("slack " + error);
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
