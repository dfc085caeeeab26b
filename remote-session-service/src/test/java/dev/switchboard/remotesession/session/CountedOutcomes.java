package dev.switchboard.remotesession.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The metrics port in memory: each count as a short line, e.g.
 * {@code started teamviewer note parked}.
 */
final class CountedOutcomes implements SessionCounters {

	final List<String> counted = new ArrayList<>();

	@Override
	public void started(ProviderName provider, StartedVia via, String outcome) {
		this.counted.add("started " + provider.id() + " " + via.id() + " " + outcome);
	}

	@Override
	public void transitioned(ProviderName provider, SessionState state) {
		this.counted.add("transitioned " + provider.id() + " " + state.id());
	}

	@Override
	public void activity(String source, String outcome) {
		this.counted.add("activity " + source + " " + outcome);
	}

	@Override
	public void vendorFailed(ProviderName provider, VendorFailure failure) {
		this.counted
			.add("vendor-failed " + provider.id() + " " + failure.getClass().getSimpleName().toLowerCase(Locale.ROOT));
	}

}
