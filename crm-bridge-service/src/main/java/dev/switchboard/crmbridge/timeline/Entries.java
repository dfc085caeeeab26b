package dev.switchboard.crmbridge.timeline;

import java.time.Instant;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TimelineEntry;
import org.jspecify.annotations.Nullable;

/** Builds this service's timeline entries: one line each, of a readable length. */
final class Entries {

	private static final int LONGEST_SUMMARY = 400;

	private Entries() {
	}

	static TimelineEntry ok(Instant at, String kind, String summary, @Nullable String ref) {
		return of(at, kind, summary, TimelineEntry.OK, ref);
	}

	static TimelineEntry of(Instant at, String kind, String summary, String outcome, @Nullable String ref) {
		return new TimelineEntry(at, ServiceNames.CRM_BRIDGE, kind, oneLine(summary, LONGEST_SUMMARY), outcome, ref);
	}

	/** The text on one line (line breaks and runs of blanks become one space), cut. */
	static String oneLine(String text, int longest) {
		String line = text.replaceAll("\\s+", " ").strip();
		return (line.length() > longest) ? line.substring(0, longest - 1) + "…" : line;
	}

}
