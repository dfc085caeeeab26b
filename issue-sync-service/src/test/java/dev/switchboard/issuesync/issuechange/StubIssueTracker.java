package dev.switchboard.issuesync.issuechange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.issuesync.tracker.IssueLocator;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.IssueTracker;
import dev.switchboard.issuesync.tracker.Tracker;
import org.jspecify.annotations.Nullable;

/** A tracker whose issues the test sets; counts the reads. */
class StubIssueTracker implements IssueTracker {

	private final Tracker tracker;

	private final Map<String, IssueSnapshot> issues = new LinkedHashMap<>();

	int reads;

	/** Runs before a conditional read answers (what happens meanwhile elsewhere). */
	Runnable beforeConditionalRead = () -> {
	};

	StubIssueTracker(Tracker tracker) {
		this.tracker = tracker;
	}

	void has(IssueSnapshot issue) {
		this.issues.put(issue.key(), issue);
	}

	@Override
	public Tracker tracker() {
		return this.tracker;
	}

	@Override
	public IssueSnapshot read(IssueLocator issue) {
		this.reads++;
		IssueSnapshot found = this.issues.get(issue.key());
		if (found == null) {
			throw new IllegalStateException("the test set no issue " + issue.key());
		}
		return found;
	}

	@Override
	public Optional<IssueSnapshot> readIfChanged(IssueLocator issue, @Nullable String etag) {
		this.beforeConditionalRead.run();
		return Optional.of(read(issue));
	}

	@Override
	public String writeReportComment(IssueLocator issue, @Nullable String commentId, String body) {
		return "1";
	}

	@Override
	public void addLabel(IssueLocator issue, String label) {
	}

	@Override
	public void removeLabel(IssueLocator issue, String label) {
	}

}
