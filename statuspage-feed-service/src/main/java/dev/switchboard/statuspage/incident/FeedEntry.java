package dev.switchboard.statuspage.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry (Atom) or item (RSS) of a feed, as the parser read it.
 *
 * @param id the entry's id or guid (for Statuspage an internal number, not the incident
 * code)
 * @param html the content or description, HTML with entities already decoded once
 */
public record FeedEntry(String id, String title, @Nullable String link, @Nullable Instant published,
		@Nullable Instant updated, String html) {

	/** The entry's own date: updated, else published. */
	public @Nullable Instant date() {
		return (this.updated != null) ? this.updated : this.published;
	}

}
