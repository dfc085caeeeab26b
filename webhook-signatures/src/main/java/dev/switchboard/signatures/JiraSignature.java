package dev.switchboard.signatures;

import org.jspecify.annotations.Nullable;

/**
 * Jira Cloud's {@code X-Hub-Signature} (no {@code -256}): {@code sha256=} and the hex
 * HMAC-SHA256, keyed with the webhook's secret, of the raw body. The computation is
 * GitHub's; the header is not, and a request that carries Jira's signature under GitHub's
 * name is not Jira's.
 */
public final class JiraSignature {

	public static final String HEADER = "X-Hub-Signature";

	/** The same delivery's id on every retry. */
	public static final String IDENTIFIER_HEADER = "X-Atlassian-Webhook-Identifier";

	private JiraSignature() {
	}

	/** The raw HMAC-SHA256 of the body. */
	public static byte[] digest(String secret, byte[] body) {
		return GithubSignature.digest(secret, body);
	}

	/** The header value Jira sends. */
	public static String sign(String secret, byte[] body) {
		return GithubSignature.sign(secret, body);
	}

	/**
	 * The digest a header value carries, or null when it is not {@code sha256=} and 64
	 * lowercase hex digits.
	 */
	public static byte @Nullable [] digestOf(String header) {
		return GithubSignature.digestOf(header);
	}

}
