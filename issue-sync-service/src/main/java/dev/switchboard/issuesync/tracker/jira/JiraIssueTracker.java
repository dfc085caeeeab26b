package dev.switchboard.issuesync.tracker.jira;

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

import dev.switchboard.issuesync.tracker.GithubIssueNumber;
import dev.switchboard.issuesync.tracker.IssueLocator;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.IssueSyncProperties;
import dev.switchboard.issuesync.tracker.IssueTracker;
import dev.switchboard.issuesync.tracker.JiraIssueKey;
import dev.switchboard.issuesync.tracker.Tracker;
import dev.switchboard.issuesync.tracker.TrackerCredentials;
import dev.switchboard.issuesync.tracker.TrackerFailure;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
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

	/** Issues of one released version read at most. */
	private static final int MAX_FIXED = 5_000;

	/**
	 * Rate limits that lift within this are waited out in place; longer ones are parked.
	 */
	private final Duration shortWait;

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
		this.site = jira.enabledBaseUrl()
			.map((url) -> url.toString().replaceAll("/+$", ""))
			.orElse("https://jira.invalid");
		this.baseUrl = HttpUrl.get(this.site + "/");
		this.authorization = jira.enabled() ? "Basic " + Base64.getEncoder()
			.encodeToString((jira.email() + ":" + jira.apiToken()).getBytes(StandardCharsets.UTF_8)) : "";
		this.json = json;
		this.retry = exactRateLimitWaits(retries, "jira", clock);
		this.shortWait = properties.shortWait();
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
			HttpUrl url = issueUrl(issue).addEncodedQueryParameter("fields", "summary,status,updated,resolution")
				.build();
			try (Response response = this.http.newCall(request(url).build()).execute()) {
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

	/**
	 * Jira's search ({@code GET /rest/api/3/search/jql}, {@code fixVersion = <id>}), page
	 * by page ({@code nextPageToken}) up to {@value #MAX_FIXED} issues.
	 */
	@Override
	public List<IssueSnapshot> fixedIn(String versionId) {
		if (!versionId.matches("[0-9]{1,18}")) {
			throw new IllegalArgumentException("not a Jira version id");
		}
		List<IssueSnapshot> fixed = new java.util.ArrayList<>();
		String page = null;
		do {
			HttpUrl.Builder url = this.baseUrl.newBuilder()
				.addPathSegments("rest/api/3/search/jql")
				.addQueryParameter("jql", "fixVersion = " + versionId + " order by id")
				.addQueryParameter("fields", "summary,status,updated,resolution")
				.addQueryParameter("maxResults", "100");
			if (page != null) {
				url.addQueryParameter("nextPageToken", page);
			}
			JsonNode result = call(() -> {
				try (Response response = this.http.newCall(request(url.build()).build()).execute()) {
					return body(response, "version " + versionId + " issues");
				}
				catch (IOException ex) {
					throw new TrackerFailure.Unavailable(Tracker.JIRA, "searching version " + versionId + " failed",
							ex);
				}
			});
			try {
				for (JsonNode issue : result.path("issues")) {
					fixed.add(JiraIssueJson.snapshot(issue, this.site, null));
				}
			}
			catch (IllegalArgumentException ex) {
				throw new TrackerFailure.Malformed(Tracker.JIRA, "version " + versionId + " issues", ex);
			}
			// the last page says isLast and (despite the documentation) carries no token
			page = result.path("isLast").asBoolean(false) ? null : JiraIssueJson.text(result, "nextPageToken");
		}
		while (page != null && fixed.size() < MAX_FIXED);
		return fixed;
	}

	@Override
	public String writeReportComment(IssueLocator issue, @Nullable String commentId, String body) {
		HttpUrl.Builder url = issueUrl(issue).addPathSegment("comment");
		if (commentId != null) {
			url.addPathSegment(segment(commentId));
		}
		Map<String, Object> document = Map.of("body", Map.of("type", "doc", "version", 1, "content",
				List.of(Map.of("type", "paragraph", "content", List.of(Map.of("type", "text", "text", body))))));
		return send(url.build(), (commentId == null) ? "POST" : "PUT", document,
				(node) -> JiraIssueJson.required(node, "id"));
	}

	@Override
	public void addLabel(IssueLocator issue, String label) {
		send(issueUrl(issue).build(), "PUT", Map.of("update", Map.of("labels", List.of(Map.of("add", label)))),
				(node) -> label);
	}

	@Override
	public void removeLabel(IssueLocator issue, String label) {
		send(issueUrl(issue).build(), "PUT", Map.of("update", Map.of("labels", List.of(Map.of("remove", label)))),
				(node) -> label);
	}

	private <T> T send(HttpUrl url, String method, Object payload, java.util.function.Function<JsonNode, T> result) {
		String path = url.encodedPath();
		Supplier<T> call = () -> {
			RequestBody body = RequestBody.create(this.json.writeValueAsBytes(payload), JSON);
			try (Response response = this.http.newCall(request(url).method(method, body).build()).execute()) {
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

	/**
	 * {@code rest/api/3/issue/{idOrKey}} under the site, the key one path segment:
	 * checked again here, whatever the parser let through.
	 */
	private HttpUrl.Builder issueUrl(IssueLocator issue) {
		String key = switch (issue) {
			case JiraIssueKey jira -> jira.idOrKey();
			case GithubIssueNumber github -> throw new IllegalArgumentException("not a Jira issue: " + github.key());
		};
		if (!JiraIssueKey.valid(key)) {
			throw new IllegalArgumentException("not a Jira issue key or id");
		}
		return this.baseUrl.newBuilder().addPathSegments("rest/api/3/issue").addPathSegment(segment(key));
	}

	/**
	 * Defence in depth: one plain path segment. OkHttp encodes what a segment needs, but
	 * would resolve {@code .} and {@code ..} (also encoded) and some servers decode
	 * {@code %2F}: such values never reach a URL.
	 */
	private static String segment(String value) {
		if (value.isEmpty() || value.equals(".") || value.equals("..") || value.indexOf('/') >= 0
				|| value.indexOf('\\') >= 0 || value.indexOf('%') >= 0
				|| value.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("not a path segment for Jira");
		}
		return value;
	}

	private Request.Builder request(HttpUrl url) {
		return new Request.Builder().url(url)
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
			Instant retryAt = retryAt(response);
			throw new TrackerFailure.RateLimited(Tracker.JIRA, retryAt,
					!retryAt.isAfter(this.clock.instant().plus(this.shortWait)));
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

	/**
	 * Jira Cloud's {@code Retry-After} (seconds), else its {@code X-RateLimit-Reset} (an
	 * ISO-8601 instant), else a minute.
	 */
	private Instant retryAt(Response response) {
		Instant now = this.clock.instant();
		String retryAfter = response.header("retry-after");
		if (retryAfter != null && retryAfter.strip().matches("[0-9]{1,7}")) {
			return now.plusSeconds(Long.parseLong(retryAfter.strip()));
		}
		String reset = response.header("x-ratelimit-reset");
		if (reset != null) {
			try {
				return java.time.OffsetDateTime.parse(reset.strip()).toInstant();
			}
			catch (java.time.format.DateTimeParseException ex) {
				// not the documented form: wait the default
			}
		}
		return now.plusSeconds(60);
	}

	/**
	 * The retry as configured ({@code resilience4j.retry.instances.jira}), except that a
	 * short rate limit is waited out exactly until the time the tracker named, not after
	 * the exponential back-off, which stays for 5xx and timeouts.
	 */
	private static Retry exactRateLimitWaits(RetryRegistry retries, String name, Clock clock) {
		RetryConfig configured = retries.retry(name).getRetryConfig();
		IntervalBiFunction<Object> backOff = configured.getIntervalBiFunction();
		RetryConfig exact = RetryConfig.from(configured).intervalBiFunction((attempt, outcome) -> {
			if (outcome.isLeft() && outcome.getLeft() instanceof TrackerFailure.RateLimited limited) {
				return Math.max(0L, Duration.between(clock.instant(), limited.retryAt()).toMillis());
			}
			return backOff.apply(attempt, outcome);
		}).build();
		Retry retry = Retry.of(name, exact);
		retries.replace(name, retry);
		return retry;
	}

}
