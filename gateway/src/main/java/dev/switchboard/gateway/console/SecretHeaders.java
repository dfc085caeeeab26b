package dev.switchboard.gateway.console;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Headers as the console shows them: signatures, authorization, tokens, secrets, keys and
 * cookies masked, whatever the provider calls them. The delivery log keeps only the
 * headers the owner needs (never a signature), so this is the second line: a header a
 * scheme starts keeping later is masked unless it is known to be harmless.
 */
public final class SecretHeaders {

	public static final String MASK = "\u2022\u2022\u2022\u2022\u2022\u2022 (masked)";

	private static final String[] SECRET_PARTS = { "signature", "authorization", "token", "secret", "cookie", "api-key",
			"apikey", "password", "x-hub-signature" };

	/** Named like a secret, but ids and times. */
	private static final Set<String> HARMLESS = Set.of("i-twilio-idempotency-token",
			"x-zendesk-webhook-signature-timestamp");

	private SecretHeaders() {
	}

	/** The headers sorted by name, secret ones masked. */
	public static Map<String, String> masked(Map<String, String> headers) {
		Map<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		sorted.putAll(headers);
		Map<String, String> shown = new LinkedHashMap<>();
		sorted.forEach((name, value) -> shown.put(name, isSecret(name) ? MASK : value));
		return shown;
	}

	public static boolean isSecret(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (HARMLESS.contains(lower)) {
			return false;
		}
		for (String part : SECRET_PARTS) {
			if (lower.contains(part)) {
				return true;
			}
		}
		return false;
	}

}
