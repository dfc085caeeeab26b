package dev.switchboard.gateway.webhook;

import java.util.Optional;

import dev.switchboard.contracts.Provider;

/**
 * How one provider signs and describes its webhooks. Implementations verify on the raw
 * bytes with a constant-time comparison, before anything is parsed.
 */
public interface ProviderScheme {

	Provider provider();

	/**
	 * {@code false} when no secret is configured: the provider's path then answers 404.
	 */
	boolean enabled();

	/** Bodies larger than this are refused with 413 without being read whole. */
	long maxBodyBytes();

	SchemeVerdict check(WebhookRequest request);

	/**
	 * What can be refused from the headers and the path alone, before the body is read (a
	 * missing or malformed signature header, a stale timestamp, a wrong path token);
	 * empty when the body is needed to decide. Never accepts anything: {@link #check}
	 * still verifies the whole request.
	 */
	default Optional<SchemeVerdict.BadSignature> screen(WebhookRequest headersOnly) {
		return Optional.empty();
	}

}
