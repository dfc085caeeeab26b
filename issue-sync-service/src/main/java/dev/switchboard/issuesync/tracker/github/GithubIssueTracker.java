package dev.switchboard.issuesync.tracker.github;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.switchboard.issuesync.tracker.GithubIssueNumber;
import dev.switchboard.issuesync.tracker.IssueLocator;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.IssueSyncProperties;
import dev.switchboard.issuesync.tracker.IssueTracker;
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
 * GitHub REST v3 through one OkHttpClient; calls are retried by the Resilience4j retry
 * {@code github} (5xx, timeouts, a rate limit lifting within a second).
 */
@Component
class GithubIssueTracker implements IssueTracker {

	private static final MediaType JSON = MediaType.get("application/json");

	/**
	 * Rate limits that lift within this are waited out in place; longer ones are parked.
	 */
	private final Duration shortWait;

	private final OkHttpClient http;

	private final HttpUrl baseUrl;

	private final @Nullable String token;

	private final JsonMapper json;

	private final Retry retry;

	private final Clock clock;

	private final TrackerCredentials credentials;

	GithubIssueTracker(IssueSyncProperties properties, JsonMapper json, RetryRegistry retries, Clock clock,
			TrackerCredentials credentials) {
		IssueSyncProperties.Github github = properties.github();
		this.http = new OkHttpClient.Builder().connectTimeout(github.connectTimeout())
			.readTimeout(github.readTimeout())
			.callTimeout(github.readTimeout().plus(github.connectTimeout()))
			.build();
		String base = github.baseUrl().toString();
		this.baseUrl = HttpUrl.get(base.endsWith("/") ? base : base + "/");
		this.token = github.hasToken() ? github.token() : null;
		this.json = json;
		this.retry = exactRateLimitWaits(retries, "github", clock);
		this.shortWait = properties.shortWait();
		this.clock = clock;
		this.credentials = credentials;
	}

	@Override
	public Tracker tracker() {
		return Tracker.GITHUB;
	}

	@Override
	public IssueSnapshot read(IssueLocator issue) {
		return readIfChanged(issue, null)
			.orElseThrow(() -> new TrackerFailure.Malformed(Tracker.GITHUB, issue.key(), null));
	}

	@Override
	public Optional<IssueSnapshot> readIfChanged(IssueLocator issue, @Nullable String etag) {
		GithubIssueNumber number = github(issue);
		return call(() -> {
			Request.Builder request = request(issueUrl(number));
			if (etag != null) {
				request.header("If-None-Match", etag);
			}
			try (Response response = this.http.newCall(request.build()).execute()) {
				if (response.code() == 304) {
					return Optional.empty();
				}
				JsonNode body = body(response, number.key());
				return Optional.of(GithubIssueJson.snapshot(body, null, response.header("ETag")));
			}
			catch (IOException ex) {
				throw new TrackerFailure.Unavailable(Tracker.GITHUB, "reading " + number.key() + " failed", ex);
			}
		});
	}

	@Override
	public String writeReportComment(IssueLocator issue, @Nullable String commentId, String body) {
		GithubIssueNumber number = github(issue);
		HttpUrl url = (commentId == null) ? issueUrl(number).newBuilder().addPathSegment("comments").build()
				: repositoryUrl(number).addPathSegment("issues")
					.addPathSegment("comments")
					.addPathSegment(segment(commentId))
					.build();
		String method = (commentId == null) ? "POST" : "PATCH";
		return call(() -> {
			RequestBody payload = RequestBody.create(this.json.writeValueAsBytes(Map.of("body", body)), JSON);
			try (Response response = this.http.newCall(request(url).method(method, payload).build()).execute()) {
				JsonNode comment = body(response, number.key() + " comment");
				return required(comment, "id", number.key() + " comment");
			}
			catch (IOException ex) {
				throw new TrackerFailure.Unavailable(Tracker.GITHUB, "commenting on " + number.key() + " failed", ex);
			}
		});
	}

	@Override
	public void addLabel(IssueLocator issue, String label) {
		GithubIssueNumber number = github(issue);
		call(() -> {
			RequestBody payload = RequestBody
				.create(this.json.writeValueAsBytes(Map.of("labels", java.util.List.of(label))), JSON);
			HttpUrl labels = issueUrl(number).newBuilder().addPathSegment("labels").build();
			try (Response response = this.http.newCall(request(labels).post(payload).build()).execute()) {
				body(response, number.key() + " labels");
				return label;
			}
			catch (IOException ex) {
				throw new TrackerFailure.Unavailable(Tracker.GITHUB, "labelling " + number.key() + " failed", ex);
			}
		});
	}

	@Override
	public void removeLabel(IssueLocator issue, String label) {
		GithubIssueNumber number = github(issue);
		call(() -> {
			HttpUrl url = issueUrl(number).newBuilder().addPathSegment("labels").addPathSegment(segment(label)).build();
			Request request = request(url).delete().build();
			try (Response response = this.http.newCall(request).execute()) {
				if (response.code() != 404) {
					body(response, number.key() + " labels");
				}
				return label;
			}
			catch (IOException ex) {
				throw new TrackerFailure.Unavailable(Tracker.GITHUB, "unlabelling " + number.key() + " failed", ex);
			}
		});
	}

	/**
	 * {@code GET /repos/{owner}/{repo}/pulls/{n}}: the issues a merged pull request's
	 * title and body close; a number that is no pull request (404) closes none.
	 */
	@Override
	public java.util.List<IssueLocator> closedByPullRequest(String pullRequest) {
		Optional<GithubIssueNumber> number = GithubIssueNumber.tryParse(pullRequest);
		if (number.isEmpty()) {
			return java.util.List.of();
		}
		HttpUrl url = repositoryUrl(number.get()).addPathSegment("pulls")
			.addPathSegment(Integer.toString(number.get().number()))
			.build();
		try {
			return call(() -> {
				try (Response response = this.http.newCall(request(url).build()).execute()) {
					JsonNode pull = body(response, pullRequest);
					if (GithubIssueJson.text(pull, "merged_at") == null) {
						return java.util.List.<IssueLocator>of();
					}
					String text = GithubIssueJson.text(pull, "title") + "\n"
							+ java.util.Objects.toString(GithubIssueJson.text(pull, "body"), "");
					return GithubWebhookReader.closing(text, number.get().owner() + "/" + number.get().repo());
				}
				catch (IOException ex) {
					throw new TrackerFailure.Unavailable(Tracker.GITHUB, "reading " + pullRequest + " failed", ex);
				}
			});
		}
		catch (TrackerFailure.NotFound ex) {
			return java.util.List.of();
		}
	}

	private <T> T call(Supplier<T> call) {
		this.credentials.checkNotRefused(Tracker.GITHUB);
		T result = this.retry.executeSupplier(call);
		this.credentials.accepted(Tracker.GITHUB);
		return result;
	}

	private Request.Builder request(HttpUrl url) {
		Request.Builder request = new Request.Builder().url(url)
			.header("Accept", "application/vnd.github+json")
			.header("X-GitHub-Api-Version", "2022-11-28")
			.header("User-Agent", "switchboard-issue-sync");
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		return request;
	}

	private JsonNode body(Response response, String what) throws IOException {
		int status = response.code();
		if (status == 401) {
			this.credentials.refused(Tracker.GITHUB);
			throw new TrackerFailure.Unauthorized(Tracker.GITHUB);
		}
		if (status == 429 || (status == 403 && rateLimited(response))) {
			Instant retryAt = retryAt(response);
			throw new TrackerFailure.RateLimited(Tracker.GITHUB, retryAt,
					!retryAt.isAfter(this.clock.instant().plus(this.shortWait)));
		}
		if (status == 403) {
			throw new TrackerFailure.Forbidden(Tracker.GITHUB, what);
		}
		if (status == 404 || status == 410) {
			throw new TrackerFailure.NotFound(Tracker.GITHUB, what);
		}
		if (status >= 500) {
			throw new TrackerFailure.Unavailable(Tracker.GITHUB, "HTTP " + status + " for " + what, null);
		}
		if (status < 200 || status >= 300) {
			throw new TrackerFailure.Malformed(Tracker.GITHUB, what + " (HTTP " + status + ")", null);
		}
		try {
			return this.json.readTree(response.body().byteStream());
		}
		catch (JacksonException ex) {
			throw new TrackerFailure.Malformed(Tracker.GITHUB, what, ex);
		}
	}

	private static boolean rateLimited(Response response) {
		return "0".equals(response.header("x-ratelimit-remaining")) || response.header("retry-after") != null;
	}

	private Instant retryAt(Response response) {
		Instant now = this.clock.instant();
		String retryAfter = response.header("retry-after");
		if (retryAfter != null && retryAfter.strip().matches("[0-9]{1,7}")) {
			return now.plusSeconds(Long.parseLong(retryAfter.strip()));
		}
		String reset = response.header("x-ratelimit-reset");
		if (reset != null && reset.strip().matches("[0-9]{1,12}")) {
			return Instant.ofEpochSecond(Long.parseLong(reset.strip()));
		}
		// GitHub: without either header, wait at least a minute
		return now.plusSeconds(60);
	}

	private static String required(JsonNode node, String field, String what) {
		try {
			return GithubIssueJson.required(node, field);
		}
		catch (IllegalArgumentException ex) {
			throw new TrackerFailure.Malformed(Tracker.GITHUB, what, ex);
		}
	}

	/**
	 * {@code repos/{owner}/{repo}/} under the base URL, one path segment each: checked
	 * again here, whatever the parser let through.
	 */
	private HttpUrl.Builder repositoryUrl(GithubIssueNumber number) {
		if (!GithubIssueNumber.validOwner(number.owner()) || !GithubIssueNumber.validRepo(number.repo())) {
			throw new IllegalArgumentException("not a GitHub repository: " + number.key());
		}
		return this.baseUrl.newBuilder()
			.addPathSegment("repos")
			.addPathSegment(segment(number.owner()))
			.addPathSegment(segment(number.repo()));
	}

	private HttpUrl issueUrl(GithubIssueNumber number) {
		return repositoryUrl(number).addPathSegment("issues").addPathSegment(Integer.toString(number.number())).build();
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
			throw new IllegalArgumentException("not a path segment for GitHub");
		}
		return value;
	}

	private static GithubIssueNumber github(IssueLocator issue) {
		return switch (issue) {
			case GithubIssueNumber number -> number;
			case dev.switchboard.issuesync.tracker.JiraIssueKey jira ->
				throw new IllegalArgumentException("not a GitHub issue: " + jira.key());
		};
	}

	/**
	 * The retry as configured ({@code resilience4j.retry.instances.github}), except that
	 * a short rate limit is waited out exactly until the time the tracker named, not
	 * after the exponential back-off, which stays for 5xx and timeouts.
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
