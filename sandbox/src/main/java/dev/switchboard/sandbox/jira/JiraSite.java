package dev.switchboard.sandbox.jira;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The simulated Jira site's issues: created, moved and transitioned by the stories, read
 * by issue-sync by id or key (an old key still finds a moved issue, as in Jira), with the
 * comments and labels issue-sync writes.
 */
@Component
public class JiraSite {

	private final Map<Long, MutableIssue> issues = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> projectNumbers = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(10_000);

	private final AtomicLong commentIds = new AtomicLong(10_500);

	private final Clock clock;

	public JiraSite(Clock clock) {
		this.clock = clock;
	}

	public JiraIssue create(String projectKey, String summary) {
		MutableIssue issue = new MutableIssue(this.ids.incrementAndGet(), nextKey(projectKey), summary, now());
		this.issues.put(issue.id, issue);
		return issue.snapshot();
	}

	/** Moves the issue to another project: a new key there, the same id. */
	public JiraIssue move(long id, String projectKey) {
		MutableIssue issue = existing(id);
		synchronized (issue) {
			issue.formerKeys.add(issue.key);
			issue.key = nextKey(projectKey);
			issue.updatedAt = now();
			return issue.snapshot();
		}
	}

	/** Moves the issue to a status; Done resolves it as Done, any other unresolves it. */
	public JiraIssue transition(long id, JiraIssue.Status status) {
		MutableIssue issue = existing(id);
		synchronized (issue) {
			issue.status = status;
			issue.resolution = (status == JiraIssue.Status.DONE) ? "Done" : null;
			issue.updatedAt = now();
			return issue.snapshot();
		}
	}

	/** By id (digits), current key or a key it had before a move. */
	public Optional<JiraIssue> issue(String idOrKey) {
		return find(idOrKey).map(MutableIssue::snapshot);
	}

	public List<JiraIssue> issues() {
		return this.issues.values()
			.stream()
			.map(MutableIssue::snapshot)
			.sorted(Comparator.comparingLong(JiraIssue::id))
			.toList();
	}

	public Optional<JiraIssue.Comment> comment(String idOrKey, String text) {
		return find(idOrKey).map((issue) -> {
			synchronized (issue) {
				Instant now = now();
				JiraIssue.Comment comment = new JiraIssue.Comment(this.commentIds.incrementAndGet(), text, now, now);
				issue.comments.add(comment);
				issue.updatedAt = now;
				return comment;
			}
		});
	}

	/** Edits one of the issue's comments; empty when the issue has no such comment. */
	public Optional<JiraIssue.Comment> editComment(String idOrKey, long commentId, String text) {
		return find(idOrKey).flatMap((issue) -> {
			synchronized (issue) {
				for (int i = 0; i < issue.comments.size(); i++) {
					JiraIssue.Comment old = issue.comments.get(i);
					if (old.id() == commentId) {
						JiraIssue.Comment edited = new JiraIssue.Comment(commentId, text, old.createdAt(), now());
						issue.comments.set(i, edited);
						return Optional.of(edited);
					}
				}
				return Optional.empty();
			}
		});
	}

	/** {@code update.labels}: adds, then removes; false when there is no such issue. */
	public boolean updateLabels(String idOrKey, List<String> add, List<String> remove) {
		Optional<MutableIssue> found = find(idOrKey);
		found.ifPresent((issue) -> {
			synchronized (issue) {
				issue.labels.addAll(add);
				remove.forEach(issue.labels::remove);
				issue.updatedAt = now();
			}
		});
		return found.isPresent();
	}

	private Optional<MutableIssue> find(String idOrKey) {
		if (idOrKey.matches("[1-9][0-9]{0,18}")) {
			return Optional.ofNullable(this.issues.get(Long.parseLong(idOrKey)));
		}
		return this.issues.values().stream().filter((issue) -> issue.answersTo(idOrKey)).findFirst();
	}

	private MutableIssue existing(long id) {
		MutableIssue issue = this.issues.get(id);
		if (issue == null) {
			throw new IllegalArgumentException("no Jira issue " + id);
		}
		return issue;
	}

	private String nextKey(String projectKey) {
		if (!projectKey.matches("[A-Z][A-Z0-9_]{1,9}")) {
			throw new IllegalArgumentException("not a Jira project key: " + projectKey);
		}
		return projectKey + "-"
				+ this.projectNumbers.computeIfAbsent(projectKey, (key) -> new AtomicLong()).incrementAndGet();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static final class MutableIssue {

		final long id;

		String key;

		final String summary;

		JiraIssue.Status status = JiraIssue.Status.TO_DO;

		@Nullable String resolution;

		Instant updatedAt;

		final List<JiraIssue.Comment> comments = new ArrayList<>();

		final Set<String> labels = new LinkedHashSet<>();

		final List<String> formerKeys = new ArrayList<>();

		MutableIssue(long id, String key, String summary, Instant now) {
			this.id = id;
			this.key = key;
			this.summary = summary;
			this.updatedAt = now;
		}

		synchronized boolean answersTo(String key) {
			return this.key.equals(key) || this.formerKeys.contains(key);
		}

		synchronized JiraIssue snapshot() {
			return new JiraIssue(this.id, this.key, this.summary, this.status, this.resolution, this.updatedAt,
					this.comments, List.copyOf(this.labels), this.formerKeys);
		}

	}

}
