package dev.switchboard.signatures;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Twilio's {@code X-Twilio-Signature}: the Base64 of the HMAC-SHA1, keyed with the
 * account's auth token, of the full URL Twilio requested (query included) followed by
 * every POST parameter sorted by name, each as name then value (decoded, no separator).
 */
public final class TwilioSignature {

	public static final String HEADER = "X-Twilio-Signature";

	/** The delivery id Twilio sends with every callback. */
	public static final String IDEMPOTENCY_TOKEN_HEADER = "I-Twilio-Idempotency-Token";

	private TwilioSignature() {
	}

	/** The raw HMAC-SHA1 of the URL and the sorted parameters. */
	public static byte[] digest(String authToken, String url, List<Map.Entry<String, String>> parameters) {
		StringBuilder data = new StringBuilder(url);
		parameters.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.forEach((parameter) -> data.append(parameter.getKey()).append(parameter.getValue()));
		return Hmac.sha1(authToken, data.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The header value Twilio sends. */
	public static String sign(String authToken, String url, List<Map.Entry<String, String>> parameters) {
		return Encoding.base64(digest(authToken, url, parameters));
	}

	/**
	 * The digest a header value carries, or null when it is not the padded Base64 of 20
	 * bytes.
	 */
	public static byte @Nullable [] digestOf(String header) {
		return Encoding.base64(header, 20);
	}

}
