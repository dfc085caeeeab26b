package dev.switchboard.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Twilio's {@code X-Twilio-Signature}: base64 of the HMAC-SHA1, keyed with the account's
 * auth token, of the full URL Twilio calls followed by every POST parameter sorted by
 * name, each as name then value (the scheme the gateway's {@code TwilioScheme} verifies;
 * checked against the test vector in PROVIDERS.md).
 */
public final class TwilioWebhookSignature {

	public static final String HEADER = "X-Twilio-Signature";

	private TwilioWebhookSignature() {
	}

	public static String sign(String authToken, String url, List<Map.Entry<String, String>> parameters) {
		StringBuilder data = new StringBuilder(url);
		parameters.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.forEach((parameter) -> data.append(parameter.getKey()).append(parameter.getValue()));
		return Base64.getEncoder()
			.encodeToString(Hmac.sha1(authToken, data.toString().getBytes(StandardCharsets.UTF_8)));
	}

}
