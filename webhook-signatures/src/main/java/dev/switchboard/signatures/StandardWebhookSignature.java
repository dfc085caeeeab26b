package dev.switchboard.signatures;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import org.jspecify.annotations.Nullable;

/**
 * Standard Webhooks' {@code webhook-signature}: {@code v1,} and the Base64 of the
 * HMAC-SHA256 of {@code id.timestamp.body}, keyed with the decoded bytes of the
 * {@code whsec_} secret. Signed by the Standard Webhooks library itself; a header may
 * list several space-separated signatures (the sender's own key rotation).
 */
public final class StandardWebhookSignature {

	public static final String ID_HEADER = "webhook-id";

	public static final String TIMESTAMP_HEADER = "webhook-timestamp";

	public static final String HEADER = "webhook-signature";

	private static final String VERSION = "v1,";

	private StandardWebhookSignature() {
	}

	/**
	 * The header value, {@code v1,<base64>}.
	 * @throws IllegalArgumentException when the secret is not a Standard Webhooks secret
	 */
	public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
		try {
			return new Webhook(secret).sign(id, timestampSeconds, new String(body, StandardCharsets.UTF_8));
		}
		catch (WebhookSigningException | EmptyWebhookSecretException | RuntimeException ex) {
			throw new IllegalArgumentException("not a Standard Webhooks secret (whsec_ and Base64): " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * The raw HMAC-SHA256 the {@code v1} signature carries.
	 * @throws IllegalArgumentException when the secret is not a Standard Webhooks secret
	 */
	public static byte[] digest(String secret, String id, long timestampSeconds, byte[] body) {
		byte[] digest = digestOf(sign(secret, id, timestampSeconds, body));
		if (digest == null) {
			throw new IllegalStateException("the Standard Webhooks library signed in an unknown form");
		}
		return digest;
	}

	/**
	 * The {@code v1} digests a header lists, in order; signatures of other versions and
	 * malformed ones are left out.
	 */
	public static List<byte[]> digestsOf(String header) {
		List<byte[]> digests = new ArrayList<>();
		for (String signature : header.trim().split(" +")) {
			byte[] digest = digestOf(signature);
			if (digest != null) {
				digests.add(digest);
			}
		}
		return digests;
	}

	private static byte @Nullable [] digestOf(String signature) {
		return signature.startsWith(VERSION) ? Encoding.base64(signature.substring(VERSION.length()), 32) : null;
	}

}
