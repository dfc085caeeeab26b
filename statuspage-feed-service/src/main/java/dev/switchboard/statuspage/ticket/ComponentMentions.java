package dev.switchboard.statuspage.ticket;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a ticket's text names a component: the name as a whole word or words (not
 * inside another word: "API" is in "the API fails" and "REST-API", not in "rapid"),
 * ignoring case, any run of blanks matching any other.
 */
public final class ComponentMentions {

	private ComponentMentions() {
	}

	/** The first of the names the text mentions, if any. */
	public static Optional<String> firstIn(String text, Collection<String> names) {
		return names.stream().filter((name) -> mentions(text, name)).findFirst();
	}

	public static boolean mentions(String text, String name) {
		String[] words = name.strip().split("\\s+");
		if (words.length == 0 || words[0].isEmpty()) {
			return false;
		}
		StringBuilder pattern = new StringBuilder("(?<![\\p{L}\\p{N}_])");
		for (int i = 0; i < words.length; i++) {
			pattern.append((i > 0) ? "\\s+" : "").append(Pattern.quote(words[i].toLowerCase(Locale.ROOT)));
		}
		pattern.append("(?![\\p{L}\\p{N}_])");
		return Pattern.compile(pattern.toString(), Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE)
			.matcher(text)
			.find();
	}

}
