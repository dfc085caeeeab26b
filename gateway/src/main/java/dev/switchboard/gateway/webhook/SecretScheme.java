package dev.switchboard.gateway.webhook;

import java.util.function.Predicate;

import dev.switchboard.contracts.Provider;

/** A scheme keyed by a configured secret (and the previous one during a rotation). */
public abstract class SecretScheme implements ProviderScheme {

	private final Provider provider;

	private final WebhookProperties.Secrets secrets;

	protected SecretScheme(Provider provider, WebhookProperties.Secrets secrets) {
		this.provider = provider;
		this.secrets = secrets;
	}

	@Override
	public Provider provider() {
		return this.provider;
	}

	@Override
	public boolean enabled() {
		return this.secrets.configured();
	}

	@Override
	public long maxBodyBytes() {
		return this.secrets.maxBody().toBytes();
	}

	/**
	 * Whether any configured secret produces the signature (each comparison
	 * constant-time).
	 */
	protected boolean signedByAnySecret(Predicate<String> signedWith) {
		return this.secrets.candidates().map(signedWith::test).reduce(false, Boolean::logicalOr);
	}

}
