package dev.switchboard.sandbox.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How the page writes times (the time of day in UTC, to the second) and Slack's mrkdwn
 * ({@code *bold*}, {@code _italic_}, escaped first).
 */
public final class Formats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

	private static final Pattern BOLD = Pattern.compile("\\*([^*\\n]+)\\*");

	private static final Pattern ITALIC = Pattern.compile("(?<![\\w])_([^_\\n]+)_(?![\\w])");

	public String time(@Nullable Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

	/** A Slack {@code ts} ({@code seconds.micros}) as the time of day it names. */
	public String slackTime(String ts) {
		int dot = ts.indexOf('.');
		try {
			return time(Instant.ofEpochSecond(Long.parseLong((dot < 0) ? ts : ts.substring(0, dot))));
		}
		catch (NumberFormatException ex) {
			return ts;
		}
	}

	/** Slack's mrkdwn as HTML: the text escaped, then bold and italic marked. */
	public String mrkdwn(String text) {
		String escaped = text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
		return ITALIC.matcher(BOLD.matcher(escaped).replaceAll("<b>$1</b>")).replaceAll("<i>$1</i>");
	}

}
