package dev.switchboard.issuesync.tracker;

/** What an issue's state means for the tickets waiting on it. */
public enum StateCategory {

	OPEN("open"),

	COMPLETED("completed"),

	NOT_PLANNED("not-planned");

	private final String id;

	StateCategory(String id) {
		this.id = id;
	}

	public String id() {
		return this.id;
	}

}
