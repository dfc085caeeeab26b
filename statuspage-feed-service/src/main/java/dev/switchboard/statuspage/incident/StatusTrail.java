package dev.switchboard.statuspage.incident;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a feed entry into incident updates. A Statuspage entry holds the whole trail of
 * one incident, newest first, as repeated {@code
 *
<p>
 * <small>Nov <var data-var='date'>23</var>, <var data-var=
 * 'time'>10:09</var> UTC</small><br>
 * <strong>Investigating</strong> - text
 *
</p>
 * }; the year is not in the trail and comes from the entry's date (a December update in a
 * January entry belongs to the year before). Imitations write seconds or {@code GMT+0}.
 * Any other entry is one update of its own, keyed by entry id and date. The entry's
 * {@code This incident affected: …} paragraph ({@link AffectedComponents}) gives every
 * update its components; one inside an update's own paragraph gives that update's.
 */
public final class StatusTrail {

	private static final Pattern UPDATE = Pattern.compile(
			"<small>(.*?)</small>\\s*(?:<br\\s*/?>)?\\s*<strong>(.*?)</strong>\\s*(?:-|&ndash;|\u2013)?\\s*(.*?)(?:</p>|(?=<p>)|$)",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern WHEN = Pattern.compile(
			"([A-Za-z]{3})[a-z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{1,2}):(\\d{2})(?::\\d{2})?\\s*(?:UTC|GMT(?:\\s*[+-]\\s*0+(?::?00)?)?|Z)?",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern INCIDENT_LINK = Pattern.compile("/incidents/([A-Za-z0-9_-]+)");

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final int MAX_TEXT = 3000;

	private StatusTrail() {
	}

	/** The entry's updates, oldest first. */
	public static List<IncidentUpdate> read(FeedEntry entry) {
		Instant entryDate = (entry.date() != null) ? entry.date() : Instant.EPOCH;
		List<IncidentUpdate> trail = trail(entry, entryDate);
		if (!trail.isEmpty()) {
			return trail;
		}
		String code = (entry.link() != null) ? incidentCode(entry.link()).orElse(entry.id()) : entry.id();
		return List.of(new IncidentUpdate(code, entry.title(), entry.link(), entryDate.truncatedTo(ChronoUnit.SECONDS),
				"update", text(AffectedComponents.without(entry.html())), null, AffectedComponents.in(entry.html())));
	}

	/** The Statuspage incident code in a link to {@code /incidents/<code>}. */
	public static Optional<String> incidentCode(String link) {
		Matcher matcher = INCIDENT_LINK.matcher(link);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private static List<IncidentUpdate> trail(FeedEntry entry, Instant entryDate) {
		Optional<String> code = (entry.link() != null) ? incidentCode(entry.link()) : Optional.empty();
		List<String> named = AffectedComponents.in(entry.html());
		List<IncidentUpdate> updates = new ArrayList<>();
		Matcher matcher = UPDATE.matcher(entry.html());
		while (matcher.find()) {
			Instant postedAt = when(text(matcher.group(1)), entryDate);
			String status = text(matcher.group(2));
			if (postedAt == null || status.isBlank()) {
				continue;
			}
			List<String> own = AffectedComponents.in(matcher.group(3));
			updates.add(new IncidentUpdate(code.orElse(entry.id()), entry.title(), entry.link(), postedAt, status,
					text(AffectedComponents.without(matcher.group(3))), null, (own != null) ? own : named));
		}
		updates.sort(Comparator.comparing(IncidentUpdate::postedAt));
		return updates;
	}

	private static @Nullable Instant when(String small, Instant entryDate) {
		Matcher matcher = WHEN.matcher(small);
		if (!matcher.find()) {
			return null;
		}
		Optional<Month> month = month(matcher.group(1));
		if (month.isEmpty()) {
			return null;
		}
		int year = entryDate.atZone(ZoneOffset.UTC).getYear();
		Instant candidate = at(year, month.get(), matcher);
		// the trail has no year: an update cannot be later than the entry that holds it
		if (candidate.isAfter(entryDate.plus(1, ChronoUnit.DAYS))) {
			candidate = at(year - 1, month.get(), matcher);
		}
		return candidate;
	}

	private static Instant at(int year, Month month, Matcher matcher) {
		return LocalDateTime
			.of(year, month, Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
					Integer.parseInt(matcher.group(4)))
			.toInstant(ZoneOffset.UTC);
	}

	private static Optional<Month> month(String abbreviation) {
		return Arrays.stream(Month.values())
			.filter((month) -> month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(abbreviation))
			.findFirst();
	}

	/** Plain text of an HTML fragment: tags dropped, common entities decoded. */
	public static String text(String html) {
		String plain = TAG.matcher(html.replaceAll("(?i)<br\\s*/?>", "\n")).replaceAll("");
		plain = plain.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&#x27;", "'")
			.replace("&amp;", "&")
			.replaceAll("[ \\t]+", " ")
			.strip();
		return (plain.length() > MAX_TEXT) ? plain.substring(0, MAX_TEXT) + "…" : plain;
	}

}
