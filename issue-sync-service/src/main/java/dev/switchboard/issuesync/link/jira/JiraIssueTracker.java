package dev.switchboard.issuesync.link.jira;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.switchboard.issuesync.link.IssueLocator;
import dev.switchboard.issuesync.link.IssueSnapshot;
import dev.switchboard.issuesync.link.IssueSyncProperties;
import dev.switchboard.issuesync.link.IssueTracker;
import dev.switchboard.issuesync.link.Tracker;
import dev.switchboard.issuesync.link.TrackerCredentials;
import dev.switchboard.issuesync.link.TrackerFailure;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
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
 * Jira Cloud REST v3 through one OkHttpClient (basic auth with e-mail and API token),
 * retried by the Resilience4j retry {@code jira}. Without a configured site the tracker
 * is never asked: {@code IssueUrls} does not recognise Jira URLs then.
 */
@Component
class JiraIssueTracker implements IssueTracker {

	private static final MediaType JSON = MediaType.get("application/json");

	private static final Duration SHORT_WAIT = Duration.ofSeconds(1);

	private final OkHttpClient http;

	private final String site;

	private final HttpUrl baseUrl;

	private final String authorization;

	private final JsonMapper json;

	private final Retry retry;

	private final Clock clock;

	private final TrackerCredentials credentials;

	JiraIssueTracker(IssueSyncProperties properties, JsonMapper json, RetryRegistry retries, Clock clock,
			TrackerCredentials credentials) {
		IssueSyncProperties.Jira jira = properties.jira();
		this.http = new OkHttpClient.Builder().connectTimeout(jira.connectTimeout())
			.readTimeout(jira.readTimeout())
			.callTimeout(jira.readTimeout().plus(jira.connectTimeout()))
			.build();
		this.site = jira.enabled() ? jira.baseUrl().toString().replaceAll("/+$", "") : "https://jira.invalid";
		this.baseUrl = HttpUrl.get(this.site + "/");
		this.authorization = jira.enabled() ? "Basic " + Base64.getEncoder()
			.encodeToString((jira.email() + ":" + jira.apiToken()).getBytes(StandardCharsets.UTF_8)) : "";
		this.json = json;
		this.retry = retries.retry("jira");
		this.clock = clock;
		this.credentials = credentials;
	}

	@Override
	public Tracker tracker() {
		return Tracker.JIRA;
	}

	@Override
	public IssueSnapshot read(IssueLocator issue) {
		String key = issue.key();
		return call(() -> {
			try (Response response = this.http
				.newCall(request("rest/api/3/issue/" + key + "?fields=summary,status,updated,resolution").build())
				.execute()) {
				return JiraIssueJson.snapshot(body(response, key), this.site, null);
			}
			catch (IOException ex) {
				throw new TrackerFailure.Unavailable(Tracker.JIRA, "reading " + key + " failed", ex);
			}
		});
	}

	/** Jira issues carry no usable ETag: every reconciliation read is a full read. */
	@Override
	public Optional<IssueSnapshot> readIfChanged(IssueLocator issue, @Nullable String etag) {
		return Optional.of(read(issue));
	}

	@Override
	public String writeReportComment(IssueLocator issue, @Nullable String commentId, String body) {
		String path = "rest/api/3/issue/" + issue.key() + "/comment" + ((commentId != null) ? "/" + commentId : "");
		Map<String, Object> document = Map.of("body", Map.of("type", "doc", "version", 1, "content",
				List.of(Map.of("type", "paragraph", "content", List.of(Map.of("type", "text", "text", body))))));
		return send(path, (commentId == null) ? "POST" : "PUT", document, (node) -> JiraIssueJson.required(node, "id"));
	}

	@Override
	public void addLabel(IssueLocator issue, String label) {
		send("rest/api/3/issue/" + issue.key(), "PUT",
				Map.of("update", Map.of("labels", List.of(Map.of("add", label)))), (node) -> label);
	}

	@Override
	public void removeLabel(IssueLocator issue, String label) {
		send("rest/api/3/issue/" + issue.key(), "PUT",
				Map.of("update", Map.of("labels", List.of(Map.of("remove", label)))), (node) -> label);
	}

	private <T> T send(String path, String method, Object payload, java.util.function.Function<JsonNode, T> result) {
		Supplier<T> call = () -> {
			RequestBody body = RequestBody.create(this.json.writeValueAsBytes(payload), JSON);
			try (Response response = this.http.newCall(request(path).method(method, body).build()).execute()) {
				JsonNode node = body(response, path);
				try {
					return result.apply(node);
				}
				catch (IllegalArgumentException ex) {
					throw new TrackerFailure.Malformed(Tracker.JIRA, path, ex);
				}
			}
			catch (IOException ex) {
				throw new TrackerFailure.Unavailable(Tracker.JIRA, method + " " + path + " failed", ex);
			}
		};
		return call(call);
	}

	private <T> T call(Supplier<T> call) {
		this.credentials.checkNotRefused(Tracker.JIRA);
		T result = this.retry.executeSupplier(call);
		this.credentials.accepted(Tracker.JIRA);
		return result;
	}

	private Request.Builder request(String path) {
		return new Request.Builder().url(this.baseUrl.resolve(path))
			.header("Accept", "application/json")
			.header("Authorization", this.authorization);
	}

	private JsonNode body(Response response, String what) throws IOException {
		int status = response.code();
		if (status == 401) {
			this.credentials.refused(Tracker.JIRA);
			throw new TrackerFailure.Unauthorized(Tracker.JIRA);
		}
		if (status == 429) {
			Instant retryAt = retryAt(response.header("retry-after"));
			throw new TrackerFailure.RateLimited(Tracker.JIRA, retryAt,
					!retryAt.isAfter(this.clock.instant().plus(SHORT_WAIT)));
		}
		if (status == 403) {
			throw new TrackerFailure.Forbidden(Tracker.JIRA, what);
		}
		if (status == 404) {
			throw new TrackerFailure.NotFound(Tracker.JIRA, what);
		}
		if (status >= 500) {
			throw new TrackerFailure.Unavailable(Tracker.JIRA, "HTTP " + status + " for " + what, null);
		}
		if (status < 200 || status >= 300) {
			throw new TrackerFailure.Malformed(Tracker.JIRA, what + " (HTTP " + status + ")", null);
		}
		if (status == 204) {
			return this.json.createObjectNode();
		}
		try {
			return this.json.readTree(response.body().byteStream());
		}
		catch (JacksonException ex) {
			throw new TrackerFailure.Malformed(Tracker.JIRA, what, ex);
		}
	}

	private Instant retryAt(@Nullable String retryAfter) {
		Instant now = this.clock.instant();
		if (retryAfter != null && retryAfter.strip().matches("[0-9]{1,7}")) {
			return now.plusSeconds(Long.parseLong(retryAfter.strip()));
		}
		return now.plusSeconds(60);
	}

}
