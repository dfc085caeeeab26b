package dev.switchboard.sandbox.webhook;

import java.nio.charset.StandardCharsets;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Standard Webhooks' {@code webhook-signature} ({@code v1,<base64>} of the HMAC-SHA256 of
 * {@code id.timestamp.body}, keyed with the {@code whsec_} secret's decoded bytes), made
 * by the Standard Webhooks library the gateway's {@code StandardWebhooksScheme} verifies
 * with; checked against the test vector in PROVIDERS.md.
 */
public final class StandardWebhookSignature {

	public static final String ID_HEADER = "webhook-id";

	public static final String TIMESTAMP_HEADER = "webhook-timestamp";

	public static final String HEADER = "webhook-signature";

	private StandardWebhookSignature() {
	}

	public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
		try {
			return new Webhook(secret).sign(id, timestampSeconds, new String(body, StandardCharsets.UTF_8));
		}
		catch (WebhookSigningException | EmptyWebhookSecretException ex) {
			throw new IllegalArgumentException("the remote-session webhook secret cannot sign: " + ex.getMessage(), ex);
		}
	}

}
