package dev.switchboard.statuspage.timeline;

/** How the timeline words what it shows: one line each, of a readable length. */
final class Words {

	/** The longest piece of an update's own text in a summary. */
	static final int TEXT = 160;

	private Words() {
	}

	/** {@code in_progress} → {@code In progress}. */
	static String status(String status) {
		String words = status.replace('_', ' ');
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** The text on one line, blanks collapsed, cut at {@link #TEXT} characters. */
	static String oneLine(String text) {
		String line = text.replaceAll("\\s+", " ").strip();
		return (line.length() > TEXT) ? line.substring(0, TEXT - 1).strip() + "…" : line;
	}

}
