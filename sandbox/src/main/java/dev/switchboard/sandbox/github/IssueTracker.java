package dev.switchboard.sandbox.github;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The simulated GitHub's issues: opened and closed by the stories, read by issue-sync,
 * with the comments and labels issue-sync writes.
 */
@Component
public class IssueTracker {

	private final Map<String, MutableIssue> issues = new ConcurrentHashMap<>();

	/** Issues transferred to another repository: their old key, and where they went. */
	private final Map<String, String> transferred = new ConcurrentHashMap<>();

	private final AtomicInteger numbers = new AtomicInteger(100);

	private final AtomicLong ids = new AtomicLong(2_500_000_000L);

	private final AtomicLong commentIds = new AtomicLong(1_700_000_000L);

	private final Clock clock;

	public IssueTracker(Clock clock) {
		this.clock = clock;
	}

	public Issue open(String repository, String title) {
		MutableIssue issue = new MutableIssue(this.ids.incrementAndGet(), repository, this.numbers.incrementAndGet(),
				title, now());
		this.issues.put(key(repository, issue.number), issue);
		return issue.snapshot();
	}

	public Issue close(String repository, int number, String reason) {
		MutableIssue issue = existing(repository, number);
		synchronized (issue) {
			issue.state = "closed";
			issue.stateReason = reason;
			issue.updatedAt = now();
			return issue.snapshot();
		}
	}

	/**
	 * Transfers an issue to another repository, as GitHub does: it gets a new id and a
	 * new number there, keeps its title, state, comments and labels, and its old number
	 * leads to it from then on ({@link #movedTo}).
	 */
	public Issue transfer(String repository, int number, String toRepository) {
		MutableIssue from = existing(repository, number);
		synchronized (from) {
			MutableIssue to = new MutableIssue(this.ids.incrementAndGet(), toRepository, this.numbers.incrementAndGet(),
					from.title, now());
			to.state = from.state;
			to.stateReason = from.stateReason;
			to.comments.addAll(from.comments);
			to.labels.addAll(from.labels);
			this.issues.put(key(toRepository, to.number), to);
			this.issues.remove(key(repository, number));
			this.transferred.put(key(repository, number), key(toRepository, to.number));
			return to.snapshot();
		}
	}

	/** Where a transferred issue went (following every later transfer), if it was. */
	public Optional<Issue> movedTo(String repository, int number) {
		String key = key(repository, number);
		String next = this.transferred.get(key);
		while (next != null) {
			key = next;
			next = this.transferred.get(key);
		}
		MutableIssue issue = this.transferred.containsKey(key(repository, number)) ? this.issues.get(key) : null;
		return (issue != null) ? Optional.of(issue.snapshot()) : Optional.empty();
	}

	public Optional<Issue> issue(String repository, int number) {
		MutableIssue issue = this.issues.get(key(repository, number));
		return (issue != null) ? Optional.of(issue.snapshot()) : Optional.empty();
	}

	public List<Issue> issues() {
		return this.issues.values()
			.stream()
			.map(MutableIssue::snapshot)
			.sorted(Comparator.comparing(Issue::repository).thenComparingInt(Issue::number))
			.toList();
	}

	public Optional<Issue.Comment> comment(String repository, int number, String body) {
		MutableIssue issue = this.issues.get(key(repository, number));
		if (issue == null) {
			return Optional.empty();
		}
		synchronized (issue) {
			Issue.Comment comment = new Issue.Comment(this.commentIds.incrementAndGet(), body, now());
			issue.comments.add(comment);
			issue.updatedAt = now();
			return Optional.of(comment);
		}
	}

	/**
	 * Edits a comment of any issue of the repository, as {@code /issues/comments/{id}}.
	 */
	public Optional<Issue.Comment> editComment(String repository, long commentId, String body) {
		for (MutableIssue issue : this.issues.values()) {
			synchronized (issue) {
				for (int i = 0; issue.repository.equals(repository) && i < issue.comments.size(); i++) {
					if (issue.comments.get(i).id() == commentId) {
						Issue.Comment edited = new Issue.Comment(commentId, body, now());
						issue.comments.set(i, edited);
						return Optional.of(edited);
					}
				}
			}
		}
		return Optional.empty();
	}

	public Optional<List<String>> addLabels(String repository, int number, List<String> labels) {
		MutableIssue issue = this.issues.get(key(repository, number));
		if (issue == null) {
			return Optional.empty();
		}
		synchronized (issue) {
			issue.labels.addAll(labels);
			return Optional.of(List.copyOf(issue.labels));
		}
	}

	public boolean removeLabel(String repository, int number, String label) {
		MutableIssue issue = this.issues.get(key(repository, number));
		if (issue == null) {
			return false;
		}
		synchronized (issue) {
			return issue.labels.remove(label);
		}
	}

	private MutableIssue existing(String repository, int number) {
		MutableIssue issue = this.issues.get(key(repository, number));
		if (issue == null) {
			throw new IllegalArgumentException("no issue " + repository + "#" + number);
		}
		return issue;
	}

	private static String key(String repository, int number) {
		return repository + "#" + number;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private static final class MutableIssue {

		final long id;

		final String repository;

		final int number;

		final String title;

		String state = "open";

		@Nullable String stateReason;

		Instant updatedAt;

		final List<Issue.Comment> comments = new ArrayList<>();

		final Set<String> labels = new LinkedHashSet<>();

		MutableIssue(long id, String repository, int number, String title, Instant now) {
			this.id = id;
			this.repository = repository;
			this.number = number;
			this.title = title;
			this.updatedAt = now;
		}

		synchronized Issue snapshot() {
			return new Issue(this.id, this.repository, this.number, this.title, this.state, this.stateReason,
					this.updatedAt, this.comments, List.copyOf(this.labels));
		}

	}

}
