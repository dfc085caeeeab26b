package dev.switchboard.crmbridge.ticket;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The helpdesk's record ids (tickets, users): Zendesk's are positive 64-bit integers, and
 * Switchboard accepts them only in their one canonical spelling, ASCII digits without a
 * sign, blanks or leading zero ({@code 0123} would be a second name for ticket
 * {@code 123}: a second lock, ledger key and echo history). Checked where an id enters
 * (the API, {@code tickets.commands}, helpdesk events) and again by the helpdesk adapter
 * before it builds a URL, so nothing a caller sends can change the path of a request.
 */
public final class HelpdeskIds {

	/** The rule, for messages. */
	public static final String RULE = "1 to 19 ASCII digits without a leading zero, at most " + Long.MAX_VALUE;

	private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,18}");

	private static final int SHOWN = 40;

	private HelpdeskIds() {
	}

	public static boolean valid(@Nullable String id) {
		if (id == null || !DIGITS.matcher(id).matches()) {
			return false;
		}
		try {
			Long.parseLong(id);
			return true;
		}
		catch (NumberFormatException ex) {
			// 19 digits above Long.MAX_VALUE
			return false;
		}
	}

	/**
	 * The offered id for a log line or a reason: quoted, cut after a few characters,
	 * anything outside printable ASCII escaped, so a hostile id cannot forge log lines.
	 */
	public static String quoted(@Nullable String id) {
		if (id == null) {
			return "null";
		}
		StringBuilder shown = new StringBuilder("\"");
		id.codePoints().limit(SHOWN).forEach((c) -> {
			if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
				shown.appendCodePoint(c);
			}
			else {
				shown.append(String.format("\\u%04x", c));
			}
		});
		shown.append('"');
		if (id.codePointCount(0, id.length()) > SHOWN) {
			shown.append("… (").append(id.length()).append(" characters)");
		}
		return shown.toString();
	}

}
