package dev.switchboard.remotesession.session;

/** The requested vendor has no credentials configured here. */
public class ProviderNotConfiguredException extends RuntimeException {

	public ProviderNotConfiguredException(ProviderName provider) {
		super(provider.displayName() + " is not configured in this deployment");
	}

}
