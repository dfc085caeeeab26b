package dev.switchboard.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Zendesk's {@code X-Zendesk-Webhook-Signature}: base64 of the HMAC-SHA256 of the
 * {@code X-Zendesk-Webhook-Signature-Timestamp} value followed by the raw body, no
 * separator (the scheme the gateway's {@code ZendeskScheme} verifies; checked against the
 * test vector in PROVIDERS.md).
 */
public final class ZendeskWebhookSignature {

	public static final String HEADER = "X-Zendesk-Webhook-Signature";

	public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";

	private ZendeskWebhookSignature() {
	}

	public static String sign(String secret, String timestamp, byte[] body) {
		return Base64.getEncoder()
			.encodeToString(Hmac.sha256(secret, timestamp.getBytes(StandardCharsets.UTF_8), body));
	}

}
