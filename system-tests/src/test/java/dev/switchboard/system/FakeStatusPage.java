package dev.switchboard.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One page of {@link FakeStatusPages}: two incidents (one open, one completed
 * maintenance) whose history ended a little over two hours before the start, so a first
 * read records it without posting it (the service's one-hour first-run window). Each
 * change adds an update to the open incident's trail at the current minute and makes a
 * new version: new body, {@code ETag} and {@code Last-Modified}.
 */
final class FakeStatusPage {

	/** Statuses a new update takes, the first one not yet used at that minute. */
	private static final List<String> NEW_STATUSES = List.of("Update", "Monitoring", "Identified", "Investigating");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

	private final int number;

	private final String host;

	private final List<Incident> incidents = new ArrayList<>();

	private final Set<String> issuedEtags = ConcurrentHashMap.newKeySet();

	private int version;

	private volatile Version current;

	private volatile boolean readOnce;

	FakeStatusPage(int number, Instant now) {
		this.number = number;
		this.host = "status.page-" + number + ".example";
		Incident open = new Incident("f" + number + "x1", 100_000 + number * 10 + 1,
				"Elevated error rates for the API in region " + (number % 7));
		open.add(now.minus(Duration.ofMinutes(150)), "Investigating", "We are investigating elevated 5xx rates.");
		open.add(now.minus(Duration.ofMinutes(135)), "Identified", "A faulty configuration push was identified.");
		Incident maintenance = new Incident("f" + number + "x0", 100_000 + number * 10,
				"Database maintenance in region " + (number % 7));
		maintenance.add(now.minus(Duration.ofHours(26)), "Scheduled", "We will upgrade the primary database.");
		maintenance.add(now.minus(Duration.ofMinutes(180)), "In progress", "Scheduled maintenance is in progress.");
		maintenance.add(now.minus(Duration.ofMinutes(170)), "Verifying", "Verification is underway.");
		maintenance.add(now.minus(Duration.ofMinutes(165)), "Completed", "The maintenance has been completed.");
		this.incidents.add(open);
		this.incidents.add(maintenance);
		this.current = render(now);
	}

	/** The document served now. */
	record Version(String etag, Instant lastModified, byte[] body) {

	}

	Version current() {
		return this.current;
	}

	boolean readOnce() {
		return this.readOnce;
	}

	/**
	 * How to answer a GET with these validators: {@code If-None-Match} wins over
	 * {@code If-Modified-Since}, as in RFC 9110.
	 */
	FakeStatusPages.Answer answer(Version version, String ifNoneMatch, String ifModifiedSince) {
		FakeStatusPages.Answer answer = validated(version, ifNoneMatch, ifModifiedSince);
		if (answer != FakeStatusPages.Answer.NOT_MODIFIED) {
			this.readOnce = true;
		}
		return answer;
	}

	private FakeStatusPages.Answer validated(Version version, String ifNoneMatch, String ifModifiedSince) {
		if (ifNoneMatch != null) {
			Set<String> etags = new HashSet<>();
			for (String etag : ifNoneMatch.split(",")) {
				etags.add(etag.strip().replaceFirst("^W/", ""));
			}
			if (etags.contains(version.etag())) {
				return FakeStatusPages.Answer.NOT_MODIFIED;
			}
			return etags.stream().anyMatch(this.issuedEtags::contains) ? FakeStatusPages.Answer.CHANGED
					: FakeStatusPages.Answer.UNCONDITIONAL;
		}
		if (ifModifiedSince != null) {
			try {
				Instant since = FakeStatusPages.parseHttpDate(ifModifiedSince);
				return version.lastModified().isAfter(since) ? FakeStatusPages.Answer.CHANGED
						: FakeStatusPages.Answer.NOT_MODIFIED;
			}
			catch (RuntimeException ex) {
				return FakeStatusPages.Answer.UNCONDITIONAL;
			}
		}
		return FakeStatusPages.Answer.UNCONDITIONAL;
	}

	/**
	 * Adds an update at {@code now}'s minute to the open incident.
	 * @return the update's key ({@link FakeStatusPages#key})
	 */
	synchronized String addUpdate(Instant now) {
		Incident open = this.incidents.get(0);
		Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
		while (true) {
			for (String status : NEW_STATUSES) {
				if (!open.has(minute, status)) {
					open.add(minute, status, "Bench update " + (this.version + 1) + " of " + this.host + ".");
					open.updated = now;
					this.current = render(now);
					return FakeStatusPages.key(open.code, status, minute);
				}
			}
			// every status taken at this minute (a feed changed 5 times in a minute)
			minute = minute.minus(Duration.ofMinutes(1));
		}
	}

	private Version render(Instant now) {
		this.version++;
		Instant lastModified = now.truncatedTo(ChronoUnit.SECONDS);
		if (this.current != null && !lastModified.isAfter(this.current.lastModified())) {
			lastModified = this.current.lastModified().plusSeconds(1);
		}
		String etag = "\"page-" + this.number + "-v" + this.version + "\"";
		this.issuedEtags.add(etag);
		return new Version(etag, lastModified, atom(now).getBytes(StandardCharsets.UTF_8));
	}

	private String atom(Instant now) {
		StringBuilder xml = new StringBuilder(4096);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<feed xml:lang=\"en-US\" xmlns=\"http://www.w3.org/2005/Atom\">\n")
			.append("  <id>tag:" + this.host + ",2005:/history</id>\n")
			.append("  <link rel=\"alternate\" type=\"text/html\" href=\"https://" + this.host + "\"/>\n")
			.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"https://" + this.host
					+ "/history.atom\"/>\n")
			.append("  <title>Page " + this.number + " Status - Incident History</title>\n")
			.append("  <updated>" + now.truncatedTo(ChronoUnit.SECONDS) + "</updated>\n")
			.append("  <author>\n    <name>Page " + this.number + "</name>\n  </author>\n");
		this.incidents.stream()
			.sorted(Comparator.comparing((Incident incident) -> incident.updated).reversed())
			.forEach((incident) -> xml.append(entry(incident)));
		return xml.append("</feed>\n").toString();
	}

	private String entry(Incident incident) {
		StringBuilder html = new StringBuilder();
		for (Update update : incident.trail.reversed()) {
			html.append("<p><small>")
				.append(MONTH.format(update.at()))
				.append(" <var data-var='date'>")
				.append(DAY.format(update.at()))
				.append("</var>, <var data-var='time'>")
				.append(TIME.format(update.at()))
				.append("</var> UTC</small><br><strong>")
				.append(update.status())
				.append("</strong> - ")
				.append(update.text())
				.append("</p>");
		}
		return "  <entry>\n    <id>tag:" + this.host + ",2005:Incident/" + incident.number + "</id>\n    <published>"
				+ incident.trail.get(0).at() + "</published>\n    <updated>"
				+ incident.updated.truncatedTo(ChronoUnit.SECONDS) + "</updated>\n"
				+ "    <link rel=\"alternate\" type=\"text/html\" href=\"https://" + this.host + "/incidents/"
				+ incident.code + "\"/>\n    <title>" + incident.title + "</title>\n    <content type=\"html\">"
				+ escaped(html.toString()) + "</content>\n  </entry>\n";
	}

	private static String escaped(String html) {
		return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** An incident and its trail, oldest first. */
	private static final class Incident {

		private final String code;

		private final int number;

		private final String title;

		private final List<Update> trail = new ArrayList<>();

		private Instant updated = Instant.EPOCH;

		Incident(String code, int number, String title) {
			this.code = code;
			this.number = number;
			this.title = title;
		}

		void add(Instant at, String status, String text) {
			this.trail.add(new Update(at.truncatedTo(ChronoUnit.MINUTES), status, text));
			this.trail.sort(Comparator.comparing(Update::at));
			this.updated = at.isAfter(this.updated) ? at : this.updated;
		}

		boolean has(Instant minute, String status) {
			return this.trail.stream()
				.anyMatch((update) -> update.at().equals(minute) && update.status().equals(status));
		}

	}

	private record Update(Instant at, String status, String text) {

	}

}
