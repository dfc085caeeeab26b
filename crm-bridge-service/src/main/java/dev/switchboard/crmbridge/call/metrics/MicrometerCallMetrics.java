package dev.switchboard.crmbridge.call.metrics;

import java.time.Duration;

import dev.switchboard.crmbridge.call.CallMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * {@code switchboard.calls} by outcome and missed (the missed-call rate is missed / all),
 * {@code switchboard.calls.wait} (ringing → answered),
 * {@code switchboard.calls.caller-lookup} by outcome, {@code switchboard.calls.refused}
 * by reason and party (agent, customer). Callbacks waiting for the helpdesk are counted
 * with every parked delivery ({@code switchboard.deliveries.parked}, delivery feature).
 */
@Component
class MicrometerCallMetrics implements CallMetrics {

	private final MeterRegistry meters;

	private final Timer wait;

	MicrometerCallMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.wait = Timer.builder("switchboard.calls.wait")
			.description("ringing to answered")
			.publishPercentileHistogram()
			.register(meters);
	}

	@Override
	public void ended(String outcome, boolean missed, @Nullable Integer waitSeconds) {
		this.meters.counter("switchboard.calls", "outcome", outcome, "missed", Boolean.toString(missed)).increment();
		if (waitSeconds != null) {
			this.wait.record(Duration.ofSeconds(waitSeconds));
		}
	}

	@Override
	public void lookup(String outcome) {
		this.meters.counter("switchboard.calls.caller-lookup", "outcome", outcome).increment();
	}

	@Override
	public void refused(String reason, String party) {
		this.meters.counter("switchboard.calls.refused", "reason", reason, "party", party).increment();
	}

}
