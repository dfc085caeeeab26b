package dev.switchboard.issuesync.tracker;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The configured trackers (Jira only when its site and credentials are set). */
@Component
public class IssueTrackers {

	private final Map<Tracker, IssueTracker> trackers = new EnumMap<>(Tracker.class);

	public IssueTrackers(List<IssueTracker> trackers) {
		trackers.forEach((tracker) -> this.trackers.put(tracker.tracker(), tracker));
	}

	public IssueTracker of(Tracker tracker) {
		IssueTracker found = this.trackers.get(tracker);
		if (found == null) {
			throw new IllegalStateException(tracker.displayName() + " is not configured");
		}
		return found;
	}

	public IssueSnapshot read(IssueLocator issue) {
		return of(issue.tracker()).read(issue);
	}

}
