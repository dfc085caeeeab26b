package dev.switchboard.sandbox.statuspage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The page's {@code history.atom} as Statuspage writes it: one entry per incident (id
 * {@code tag:<host>,2005:Incident/<n>}, a link to {@code /incidents/<code>}), its content
 * the whole trail newest first, each update a paragraph of a {@code small} time (month,
 * then the day and the time in {@code var} elements, UTC), a line break, the status in
 * {@code strong} and the text; then {@code This incident affected: …}. The HTML is
 * entity-escaped inside {@code type="html"}.
 */
final class AtomHistory {

	private static final String TAG_HOST = "status.acme-cloud.test";

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

	private AtomHistory() {
	}

	static String render(List<StatusIncident> incidents, Instant updated, String baseUrl) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		xml.append("<feed xml:lang=\"en-US\" xmlns=\"http://www.w3.org/2005/Atom\">\n")
			.append("  <id>tag:")
			.append(TAG_HOST)
			.append(",2005:/history</id>\n")
			.append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
			.append(xml(baseUrl))
			.append("\"/>\n")
			.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
			.append(xml(baseUrl + "/history.atom"))
			.append("\"/>\n")
			.append("  <title>")
			.append(StatusPage.NAME)
			.append(" Status - Incident History</title>\n")
			.append("  <updated>")
			.append(updated)
			.append("</updated>\n")
			.append("  <author>\n    <name>")
			.append(StatusPage.NAME)
			.append("</name>\n  </author>\n");
		for (StatusIncident incident : incidents) {
			xml.append("  <entry>\n")
				.append("    <id>tag:")
				.append(TAG_HOST)
				.append(",2005:Incident/")
				.append(incident.number())
				.append("</id>\n")
				.append("    <published>")
				.append(incident.createdAt())
				.append("</published>\n")
				.append("    <updated>")
				.append(incident.updatedAt())
				.append("</updated>\n")
				.append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
				.append(xml(baseUrl + "/incidents/" + incident.code()))
				.append("\"/>\n")
				.append("    <title>")
				.append(xml(incident.name()))
				.append("</title>\n")
				.append("    <content type=\"html\">")
				.append(xml(trail(incident)))
				.append("</content>\n")
				.append("  </entry>\n");
		}
		return xml.append("</feed>\n").toString();
	}

	/** The entry's HTML: the trail newest first, then the components it affected. */
	static String trail(StatusIncident incident) {
		StringBuilder html = new StringBuilder();
		for (StatusIncident.Update update : incident.updates().reversed()) {
			ZonedDateTime at = update.createdAt().atZone(ZoneOffset.UTC);
			html.append("<p><small>")
				.append(MONTH.format(at))
				.append(" <var data-var='date'>")
				.append(at.getDayOfMonth())
				.append("</var>, <var data-var='time'>")
				.append(String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute()))
				.append("</var> UTC</small><br><strong>")
				.append(update.label())
				.append("</strong> - ")
				.append(xml(update.body()))
				.append("</p>");
		}
		return html.append("<p>This incident affected: ")
			.append(xml(spoken(incident.components())))
			.append(".</p>")
			.toString();
	}

	private static Instant seconds(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS);
	}

	/** {@code API}, {@code API and Billing}, {@code API, Dashboard and Billing}. */
	static String spoken(List<String> names) {
		if (names.size() < 2) {
			return String.join("", names);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
	}

	/** Escapes text for XML and HTML alike. */
	static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
