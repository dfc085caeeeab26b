package dev.switchboard.statuspage.incident;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One update of one incident, from a feed trail or a webhook.
 *
 * @param incidentCode the Statuspage incident code (the feed link's last segment, the
 * webhook's {@code incident.id}), or the entry id of a plain feed
 * @param postedAt the update's time, truncated to the minute for Statuspage updates (the
 * trail has no seconds)
 * @param status lower case with underscores ({@code in_progress})
 * @param impact none, minor, major, critical, maintenance; {@code null} when unknown
 * @param components affected component names; {@code null} when unknown
 */
public record IncidentUpdate(String incidentCode, String title, @Nullable String link, Instant postedAt, String status,
		String text, @Nullable String impact, @Nullable List<String> components) {

	private static final Set<String> TERMINAL = Set.of("resolved", "postmortem", "completed");

	public IncidentUpdate {
		if (incidentCode.isBlank()) {
			throw new IllegalArgumentException("incidentCode must not be blank");
		}
		status = normalised(status);
		components = (components != null) ? List.copyOf(components) : null;
	}

	public boolean ends() {
		return TERMINAL.contains(this.status);
	}

	/** {@code In progress} → {@code in_progress}. */
	public static String normalised(String status) {
		return status.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
	}

	public static boolean isTerminal(String status) {
		return TERMINAL.contains(status);
	}

}
