package dev.switchboard.sandbox.webhook;

import java.util.HexFormat;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the lowercase hex HMAC-SHA256
 * of the raw body (the scheme the gateway's {@code GithubScheme} verifies; checked
 * against GitHub's published test vector).
 */
public final class GithubWebhookSignature {

	public static final String HEADER = "X-Hub-Signature-256";

	private GithubWebhookSignature() {
	}

	public static String sign(String secret, byte[] body) {
		return "sha256=" + HexFormat.of().formatHex(Hmac.sha256(secret, body));
	}

}
