package dev.switchboard.remotesession.session.metrics;

import java.util.Locale;

import dev.switchboard.remotesession.session.ProviderName;
import dev.switchboard.remotesession.session.SessionCounters;
import dev.switchboard.remotesession.session.SessionState;
import dev.switchboard.remotesession.session.StartedVia;
import dev.switchboard.remotesession.session.VendorFailure;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code switchboard.sessions.started{provider,via,outcome}},
 * {@code switchboard.sessions.transitions{provider,state}},
 * {@code switchboard.sessions.activities{source,outcome}} and
 * {@code switchboard.sessions.vendor-failures{provider,failure}}: every tag bounded.
 */
@Component
class MicrometerSessionCounters implements SessionCounters {

	private final MeterRegistry meters;

	MicrometerSessionCounters(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void started(ProviderName provider, StartedVia via, String outcome) {
		this.meters
			.counter("switchboard.sessions.started", "provider", provider.id(), "via", via.id(), "outcome", outcome)
			.increment();
	}

	@Override
	public void transitioned(ProviderName provider, SessionState state) {
		this.meters.counter("switchboard.sessions.transitions", "provider", provider.id(), "state", state.id())
			.increment();
	}

	@Override
	public void activity(String source, String outcome) {
		this.meters.counter("switchboard.sessions.activities", "source", source, "outcome", outcome).increment();
	}

	@Override
	public void vendorFailed(ProviderName provider, VendorFailure failure) {
		String kind = switch (failure) {
			case VendorFailure.Refused refused -> "refused";
			case VendorFailure.Unavailable unavailable -> "unavailable";
			case VendorFailure.Unreadable unreadable -> "unreadable";
		};
		this.meters
			.counter("switchboard.sessions.vendor-failures", "provider", provider.id(), "failure",
					kind.toLowerCase(Locale.ROOT))
			.increment();
	}

}
