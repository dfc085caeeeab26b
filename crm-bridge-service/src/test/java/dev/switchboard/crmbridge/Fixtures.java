package dev.switchboard.crmbridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.core.io.ClassPathResource;

/** Test data of the integration tests: ids, wire-format samples, hostile input. */
public final class Fixtures {

	/** The Zendesk API paths this service calls, every id digits. */
	public static final Pattern WELL_FORMED_ZENDESK_PATH = Pattern
		.compile("/api/v2/(tickets\\.json|users\\.json|tickets/[1-9][0-9]*\\.json|users/[1-9][0-9]*\\.json"
				+ "|tickets/[1-9][0-9]*/comments\\.json\\?sort_order=desc"
				+ "|users/[1-9][0-9]*/tickets/requested\\.json\\?sort_by=updated_at&sort_order=desc"
				+ "|search\\.json\\?query=[^/]*)");

	private Fixtures() {
	}

	/** A ticket id no other test uses. */
	public static String newTicketId() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L));
	}

	/**
	 * A fixture under src/test/resources with its {@code {{name}}} placeholders filled.
	 */
	public static String fixture(String path, Map<String, String> values) {
		try {
			String text = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
			for (Map.Entry<String, String> value : values.entrySet()) {
				text = text.replace("{{" + value.getKey() + "}}", value.getValue());
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Spellings of a ticket id that are not one: path tricks, signs, blanks, other
	 * scripts' digits, numbers in other notations, ids too long for Zendesk.
	 */
	public static Stream<String> hostileTicketIds() {
		return Stream.of("../users/1", "1%2F..%2Fusers", "1/../2", "..", "-1", " 1", "1 ", "\uff11\uff12", "1e3",
				"0123", "35436?role=admin", "35436#x", "9223372036854775808", "12345678901234567890", "1".repeat(300));
	}

}
