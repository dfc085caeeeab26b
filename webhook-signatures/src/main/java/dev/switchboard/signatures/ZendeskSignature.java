package dev.switchboard.signatures;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Zendesk's {@code X-Zendesk-Webhook-Signature}: the Base64 of the HMAC-SHA256, keyed
 * with the webhook's signing secret (its literal characters), of the
 * {@code X-Zendesk-Webhook-Signature-Timestamp} value followed by the raw body, no
 * separator.
 */
public final class ZendeskSignature {

	public static final String HEADER = "X-Zendesk-Webhook-Signature";

	public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";

	private ZendeskSignature() {
	}

	/** The raw HMAC-SHA256 of timestamp and body. */
	public static byte[] digest(String secret, String timestamp, byte[] body) {
		return Hmac.sha256(secret, timestamp.getBytes(StandardCharsets.UTF_8), body);
	}

	/** The header value Zendesk sends. */
	public static String sign(String secret, String timestamp, byte[] body) {
		return Encoding.base64(digest(secret, timestamp, body));
	}

	/**
	 * The digest a header value carries, or null when it is not the padded Base64 of 32
	 * bytes.
	 */
	public static byte @Nullable [] digestOf(String header) {
		return Encoding.base64(header, 32);
	}

}
