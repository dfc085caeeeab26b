package dev.switchboard.statuspage.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The components a Statuspage feed entry names: its content carries a paragraph of its
 * own, {@code This incident affected: API and Dashboard.} (a maintenance: {@code This
 * scheduled maintenance affected: …}), the names joined by commas and a last "and"
 * ({@code Git Operations, Webhooks, and API Requests}). A name containing " and " cannot
 * be told from two names when it is one of two ("Search and Discovery and API"): every "
 * and " outside commas splits, and {@link #names(List, String)} matches a filter name
 * against neighbours joined again.
 */
public final class AffectedComponents {

	private static final Pattern SENTENCE = Pattern.compile(
			"This\\s+(?:incident|(?:scheduled\\s+)?maintenance)\\s+affected\\s*:\\s*(.*?)\\s*(?:</p>|</div>|<p[\\s>]|<br\\s*/?>|$)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

	private static final Pattern LEADING_AND = Pattern.compile("^and\\s+", Pattern.CASE_INSENSITIVE);

	private AffectedComponents() {
	}

	/**
	 * The names in the first {@code This incident affected: …} sentence of an HTML
	 * fragment (entities decoded once, as Rome gives the content), or {@code null} when
	 * it has none.
	 */
	public static @Nullable List<String> in(String html) {
		Matcher matcher = SENTENCE.matcher(html);
		if (!matcher.find()) {
			return null;
		}
		return split(StatusTrail.text(TAG.matcher(matcher.group(1)).replaceAll("")));
	}

	/** The fragment without its {@code This incident affected: …} sentences. */
	public static String without(String html) {
		return SENTENCE.matcher(html).replaceAll("");
	}

	/** {@code A, B, and C} / {@code A and B} / {@code A} → the names. */
	static List<String> split(String list) {
		String names = list.strip();
		while (names.endsWith(".")) {
			names = names.substring(0, names.length() - 1).strip();
		}
		String[] byComma = names.split("\\s*,\\s*");
		List<String> parts = new ArrayList<>();
		if (byComma.length == 1) {
			parts.addAll(Arrays.asList(AND.split(names)));
		}
		else {
			for (int i = 0; i < byComma.length; i++) {
				parts.add((i == byComma.length - 1) ? LEADING_AND.matcher(byComma[i]).replaceFirst("") : byComma[i]);
			}
		}
		return parts.stream().map(String::strip).filter((name) -> !name.isEmpty()).distinct().toList();
	}

	/**
	 * Whether {@code wanted} names one of the components, ignoring case; neighbours
	 * joined by {@code " and "} count as one name (the split's ambiguity above).
	 */
	public static boolean names(List<String> components, String wanted) {
		String target = wanted.strip().toLowerCase(Locale.ROOT);
		for (int start = 0; start < components.size(); start++) {
			StringBuilder joined = new StringBuilder();
			for (int end = start; end < components.size(); end++) {
				if (end > start) {
					joined.append(" and ");
				}
				joined.append(components.get(end).strip().toLowerCase(Locale.ROOT));
				if (joined.toString().equals(target)) {
					return true;
				}
				if (joined.length() >= target.length()) {
					break;
				}
			}
		}
		return false;
	}

}
