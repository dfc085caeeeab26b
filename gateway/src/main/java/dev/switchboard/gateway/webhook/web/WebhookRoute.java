package dev.switchboard.gateway.webhook.web;

import dev.switchboard.contracts.Provider;
import org.jspecify.annotations.Nullable;

/**
 * A webhook path: {@code /webhooks/{provider}}, or {@code /webhooks/statuspage/{token}}
 * (the only provider whose path has two segments; without its token it is refused). The
 * path has been checked for its canonical spelling before (no encoding, no dot segments,
 * no trailing slash), so plain string matching sees what a router would.
 */
record WebhookRoute(String provider, @Nullable String token) {

	private static final String PREFIX = "/webhooks/";

	private static final String STATUSPAGE_PREFIX = PREFIX + Provider.STATUSPAGE.id() + "/";

	/** The route of a request path; null for any other path. */
	static @Nullable WebhookRoute of(String path) {
		if (!path.startsWith(PREFIX)) {
			return null;
		}
		if (path.startsWith(STATUSPAGE_PREFIX)) {
			String token = path.substring(STATUSPAGE_PREFIX.length());
			return (token.isEmpty() || token.indexOf('/') >= 0) ? null
					: new WebhookRoute(Provider.STATUSPAGE.id(), token);
		}
		String provider = path.substring(PREFIX.length());
		return (provider.isEmpty() || provider.indexOf('/') >= 0) ? null : new WebhookRoute(provider, null);
	}

	/** Statuspage's path without its token: nothing can verify the webhook. */
	boolean tokenMissing() {
		return this.provider.equals(Provider.STATUSPAGE.id()) && this.token == null;
	}

}
