package dev.switchboard.issuesync.issuechange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.Issues;
import dev.switchboard.issuesync.tracker.Tracker;

/** {@link Issues} in a map; one thread, so a lock is a read. */
class InMemoryIssues implements Issues {

	private final Map<String, IssueSnapshot> issues = new LinkedHashMap<>();

	private final Map<String, String> movedTo = new LinkedHashMap<>();

	final Set<String> reportsChanged = new HashSet<>();

	final Set<String> ownComments = new HashSet<>();

	private static String id(Tracker tracker, String issueId) {
		return tracker.id() + "|" + issueId;
	}

	@Override
	public void saveIfNotOlder(IssueSnapshot issue) {
		Optional<IssueSnapshot> stored = find(issue.tracker(), issue.issueId());
		if (stored.isEmpty() || !issue.updatedAt().isBefore(stored.get().updatedAt())) {
			save(issue);
		}
	}

	@Override
	public boolean insertIfAbsent(IssueSnapshot issue) {
		return this.issues.putIfAbsent(id(issue.tracker(), issue.issueId()), issue) == null;
	}

	@Override
	public Optional<IssueSnapshot> lock(Tracker tracker, String issueId) {
		return find(tracker, issueId);
	}

	@Override
	public void save(IssueSnapshot issue) {
		this.issues.put(id(issue.tracker(), issue.issueId()), issue);
	}

	@Override
	public Optional<IssueSnapshot> find(Tracker tracker, String issueId) {
		return Optional.ofNullable(this.issues.get(id(tracker, issueId)));
	}

	@Override
	public Optional<IssueSnapshot> byKey(Tracker tracker, String key) {
		return this.issues.entrySet()
			.stream()
			.filter((entry) -> !this.movedTo.containsKey(entry.getKey()))
			.map(Map.Entry::getValue)
			.filter((issue) -> issue.tracker() == tracker && issue.key().equals(key))
			.findFirst();
	}

	@Override
	public void movedTo(Tracker tracker, String oldIssueId, String newIssueId) {
		this.movedTo.put(id(tracker, oldIssueId), newIssueId);
	}

	@Override
	public List<IssueSnapshot> toReconcile(Instant closedSince) {
		return new ArrayList<>(this.issues.values());
	}

	@Override
	public void reportChanged(Tracker tracker, String issueId) {
		this.reportsChanged.add(id(tracker, issueId));
	}

	@Override
	public List<ReportDue> reportsDue(Instant now, int limit) {
		return List.of();
	}

	@Override
	public void reportWritten(Tracker tracker, String issueId, String commentId) {
	}

	@Override
	public boolean isOwnComment(Tracker tracker, String commentId) {
		return this.ownComments.contains(id(tracker, commentId));
	}

	@Override
	public void reportParked(Tracker tracker, String issueId, Instant until) {
	}

}
