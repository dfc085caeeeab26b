package dev.switchboard.statuspage.posting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a channel shows of one update.
 *
 * @param change opened, updated or resolved
 * @param components affected component names, {@code null} when unknown
 */
public record IncidentView(UUID updateId, UUID feedId, String incidentCode, String title, @Nullable String link,
		String status, String text, @Nullable String impact, @Nullable List<String> components, Instant postedAt,
		String change) {

	public boolean resolved() {
		return "resolved".equals(this.change);
	}

	/** {@code in_progress} → {@code In progress}. */
	public String statusLabel() {
		String words = this.status.replace('_', ' ');
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
