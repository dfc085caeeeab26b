package dev.switchboard.sandbox.statuspage;

import java.time.Instant;
import java.util.List;

/**
 * An incident on the simulated status page at one moment: {@code code} is Statuspage's
 * incident id (also the last segment of its link), {@code updates} the trail oldest
 * first.
 */
public record StatusIncident(String code, long number, String name, String impact, List<String> components,
		Instant createdAt, List<Update> updates) {

	public StatusIncident {
		components = List.copyOf(components);
		updates = List.copyOf(updates);
		if (updates.isEmpty()) {
			throw new IllegalArgumentException("an incident starts with its first update");
		}
	}

	public Update latest() {
		return this.updates.getLast();
	}

	public String status() {
		return latest().status();
	}

	public boolean resolved() {
		return StatusPage.TERMINAL.contains(status());
	}

	public Instant updatedAt() {
		return latest().createdAt();
	}

	/** One update: its own id, a status (lower case, as in the API) and the text. */
	public record Update(String id, String status, String body, Instant createdAt) {

		/** {@code identified} → {@code Identified}, as the page and the feed show it. */
		public String label() {
			String words = this.status.replace('_', ' ');
			return Character.toUpperCase(words.charAt(0)) + words.substring(1);
		}

	}

}
