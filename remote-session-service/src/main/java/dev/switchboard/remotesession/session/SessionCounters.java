package dev.switchboard.remotesession.session;

/** What the service did, counted (metrics port). */
public interface SessionCounters {

	void started(ProviderName provider, StartedVia via, String outcome);

	void transitioned(ProviderName provider, SessionState state);

	void activity(String source, String outcome);

	void vendorFailed(ProviderName provider, VendorFailure failure);

}
