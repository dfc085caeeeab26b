package dev.switchboard.signatures;

import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The text forms a digest travels in, both ways. Reading is strict: only the one spelling
 * the provider sends decodes, so a header that differs from the signed form never matches
 * (Base64 has spellings with other unused bits that decode to the same bytes; they are
 * refused).
 */
final class Encoding {

	private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]+");

	private Encoding() {
	}

	static String hex(byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

	static String base64(byte[] digest) {
		return Base64.getEncoder().encodeToString(digest);
	}

	/** The bytes of {@code length} in lowercase hex, or null in any other form. */
	static byte @Nullable [] lowerHex(String text, int length) {
		if (text.length() != length * 2 || !LOWER_HEX.matcher(text).matches()) {
			return null;
		}
		return HexFormat.of().parseHex(text);
	}

	/**
	 * The bytes of {@code length} in canonical padded Base64, or null in any other form.
	 */
	static byte @Nullable [] base64(String text, int length) {
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		// compares the header with its own canonical spelling: nothing secret is involved
		return (decoded.length == length && base64(decoded).equals(text)) ? decoded : null;
	}

}
