package dev.switchboard.issuesync.tracker;

/** The issue trackers issue-sync follows. */
public enum Tracker {

	GITHUB("github", "GitHub"),

	JIRA("jira", "Jira");

	private final String id;

	private final String displayName;

	Tracker(String id, String displayName) {
		this.id = id;
		this.displayName = displayName;
	}

	/** Name in storage and messages ({@code github}, {@code jira}). */
	public String id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public static Tracker byId(String id) {
		for (Tracker tracker : values()) {
			if (tracker.id.equals(id)) {
				return tracker;
			}
		}
		throw new IllegalArgumentException("unknown tracker " + id);
	}

}
