package dev.switchboard.issuesync.tracker.github;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.issuesync.tracker.GithubIssueNumber;
import dev.switchboard.issuesync.tracker.IssueChange;
import dev.switchboard.issuesync.tracker.IssueLocator;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.Tracker;
import dev.switchboard.issuesync.tracker.TrackerFailure;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * GitHub {@code issues} deliveries: every action carries the issue as it is now, so each
 * one refreshes the stored issue and a state change (closed, reopened) tells the tickets;
 * {@code transferred} re-keys the links to the new issue.
 */
@Component
class GithubWebhookReader implements dev.switchboard.issuesync.tracker.WebhookReader {

	private static final java.util.Set<String> FOLLOWED = java.util.Set.of("issues", "issue_comment", "pull_request",
			"release");

	/** GitHub's closing keywords: "Fixes #42", "closes octo/repo#7", "Resolved: #3". */
	private static final Pattern CLOSING = Pattern.compile(
			"(?i)\\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\\s*:?\\s+([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)?#([0-9]{1,9})\\b");

	/** {@code #42} or {@code owner/repo#42}, not inside a word or a URL. */
	private static final Pattern REFERENCE = Pattern
		.compile("(?<![A-Za-z0-9_/#.-])([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)?#([0-9]{1,9})\\b");

	/** Issue and pull request URLs: {@code https://github.com/owner/repo/issues/42}. */
	private static final Pattern URL = Pattern
		.compile("https?://[A-Za-z0-9.-]+/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+)/(issues|pull)/([0-9]{1,9})\\b");

	private final JsonMapper json;

	GithubWebhookReader(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Tracker tracker() {
		return Tracker.GITHUB;
	}

	@Override
	public List<IssueChange> read(InboundDelivery delivery) {
		if (!FOLLOWED.contains(delivery.eventType())) {
			return List.of();
		}
		JsonNode payload;
		try {
			payload = this.json.readTree(delivery.body());
		}
		catch (JacksonException ex) {
			throw new TrackerFailure.Malformed(Tracker.GITHUB, "delivery " + delivery.deliveryId(), ex);
		}
		String action = GithubIssueJson.text(payload, "action");
		String repository = GithubIssueJson.text(payload.path("repository"), "full_name");
		String actor = GithubIssueJson.text(payload.path("sender"), "login");
		if ("pull_request".equals(delivery.eventType())) {
			return pullRequest(payload, action, repository, actor, delivery);
		}
		if ("release".equals(delivery.eventType())) {
			return release(payload, action, repository, delivery);
		}
		IssueSnapshot issue = GithubIssueJson.snapshot(payload.path("issue"), repository, null);
		if ("issue_comment".equals(delivery.eventType())) {
			return comment(payload, action, issue, delivery);
		}
		if ("transferred".equals(action)) {
			JsonNode changes = payload.path("changes");
			IssueSnapshot moved = GithubIssueJson.snapshot(changes.path("new_issue"),
					GithubIssueJson.text(changes.path("new_repository"), "full_name"), null);
			return List.of(new IssueChange.Transferred(issue, moved, actor, delivery.correlationId()));
		}
		if ("deleted".equals(action)) {
			return List.of();
		}
		return List.of(new IssueChange.Updated(issue, null, actor, delivery.correlationId()));
	}

	private static List<IssueChange> comment(JsonNode payload, @Nullable String action, IssueSnapshot issue,
			InboundDelivery delivery) {
		if (!"created".equals(action)) {
			return List.of();
		}
		JsonNode comment = payload.path("comment");
		try {
			return List.of(new IssueChange.Commented(issue, GithubIssueJson.required(comment, "id"),
					GithubIssueJson.text(comment.path("user"), "login"), GithubIssueJson.required(comment, "body"),
					delivery.correlationId()));
		}
		catch (IllegalArgumentException ex) {
			throw new TrackerFailure.Malformed(Tracker.GITHUB, "delivery " + delivery.deliveryId(), ex);
		}
	}

	private static List<IssueChange> pullRequest(JsonNode payload, @Nullable String action, @Nullable String repository,
			@Nullable String actor, InboundDelivery delivery) {
		JsonNode pull = payload.path("pull_request");
		if (!"closed".equals(action) || !pull.path("merged").asBoolean(false) || repository == null) {
			return List.of();
		}
		try {
			String text = GithubIssueJson.text(pull, "title") + "\n" + GithubIssueJson.text(pull, "body");
			List<IssueLocator> closes = closing(text, repository);
			if (closes.isEmpty()) {
				return List.of();
			}
			return List.of(new IssueChange.FixMerged(repository + "#" + GithubIssueJson.required(pull, "number"),
					GithubIssueJson.required(pull, "title"), GithubIssueJson.required(pull, "html_url"),
					List.copyOf(closes), actor, java.time.Instant.parse(GithubIssueJson.required(pull, "merged_at")),
					delivery.correlationId()));
		}
		catch (IllegalArgumentException | java.time.format.DateTimeParseException ex) {
			throw new TrackerFailure.Malformed(Tracker.GITHUB, "delivery " + delivery.deliveryId(), ex);
		}
	}

	/**
	 * The issues a pull request's title and body close. A reference out of GitHub's forms
	 * (written by anyone in the pull request) is no issue: skipped, the others count.
	 */
	static List<IssueLocator> closing(String text, String repository) {
		List<IssueLocator> closes = new ArrayList<>();
		Matcher matcher = CLOSING.matcher(text);
		while (matcher.find()) {
			String repo = (matcher.group(1) != null) ? matcher.group(1) : repository;
			GithubIssueNumber.tryParse(repo + "#" + matcher.group(2)).ifPresent(closes::add);
		}
		return closes;
	}

	/**
	 * A published release (not a draft or pre-release; {@code released} also when a
	 * pre-release becomes a release): what its notes reference.
	 */
	private static List<IssueChange> release(JsonNode payload, @Nullable String action, @Nullable String repository,
			InboundDelivery delivery) {
		JsonNode release = payload.path("release");
		boolean shipped = "released".equals(action)
				|| ("published".equals(action) && !release.path("prerelease").asBoolean(false));
		if (!shipped || release.path("draft").asBoolean(false) || repository == null) {
			return List.of();
		}
		try {
			String notes = java.util.Objects.toString(GithubIssueJson.text(release, "body"), "");
			java.util.Set<String> issues = new java.util.LinkedHashSet<>();
			java.util.Set<String> pulls = new java.util.LinkedHashSet<>();
			java.util.Set<String> explicit = new java.util.LinkedHashSet<>();
			Matcher url = URL.matcher(notes);
			while (url.find()) {
				String key = url.group(1) + "/" + url.group(2) + "#" + url.group(4);
				if ("pull".equals(url.group(3))) {
					pulls.add(key);
					explicit.add(key);
				}
				else {
					issues.add(key);
				}
			}
			Matcher reference = REFERENCE.matcher(notes);
			while (reference.find()) {
				// GitHub numbers issues and pull requests alike: "#42" may be either
				String key = ((reference.group(1) != null) ? reference.group(1) : repository) + "#"
						+ reference.group(2);
				issues.add(key);
				pulls.add(key);
			}
			List<IssueLocator> locators = issues.stream()
				.map(GithubIssueNumber::tryParse)
				.flatMap(java.util.Optional::stream)
				.<IssueLocator>map((number) -> number)
				.toList();
			String tag = GithubIssueJson.required(release, "tag_name");
			String version = tag.matches("[vV][0-9].*") ? tag.substring(1) : tag;
			return List.of(new IssueChange.Released(GithubIssueJson.required(release, "id"), version,
					GithubIssueJson.required(release, "html_url"),
					java.time.Instant.parse(GithubIssueJson.required(release, "published_at")), locators,
					List.copyOf(pulls), List.copyOf(explicit), delivery.correlationId()));
		}
		catch (IllegalArgumentException | java.time.format.DateTimeParseException ex) {
			throw new TrackerFailure.Malformed(Tracker.GITHUB, "delivery " + delivery.deliveryId(), ex);
		}
	}

}
