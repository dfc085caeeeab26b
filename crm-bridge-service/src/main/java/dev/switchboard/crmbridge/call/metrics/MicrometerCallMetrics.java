package dev.switchboard.crmbridge.call.metrics;

import java.time.Duration;

import dev.switchboard.crmbridge.call.CallMetrics;
import dev.switchboard.crmbridge.call.ParkedCallbacks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code switchboard.calls} by outcome and missed (the missed-call rate is missed / all),
 * {@code switchboard.calls.wait} (ringing → answered),
 * {@code switchboard.calls.caller-lookup} by outcome, {@code switchboard.calls.refused}
 * by reason and party (agent, customer); callbacks waiting for the helpdesk:
 * {@code switchboard.calls.callbacks.parked} and {@code .resumed} (counters),
 * {@code switchboard.calls.callbacks.waiting} (gauge, the parked rows).
 */
@Component
class MicrometerCallMetrics implements CallMetrics {

	private final MeterRegistry meters;

	private final Timer wait;

	private final Counter parked;

	private final Counter resumed;

	MicrometerCallMetrics(MeterRegistry meters, ParkedCallbacks parkedCallbacks) {
		this.meters = meters;
		this.parked = Counter.builder("switchboard.calls.callbacks.parked")
			.description("callbacks parked until the helpdesk is available again")
			.register(meters);
		this.resumed = Counter.builder("switchboard.calls.callbacks.resumed")
			.description("parked callbacks processed")
			.register(meters);
		Gauge.builder("switchboard.calls.callbacks.waiting", parkedCallbacks, ParkedCallbacks::waiting)
			.description("callbacks parked, waiting for the helpdesk")
			.register(meters);
		this.wait = Timer.builder("switchboard.calls.wait")
			.description("ringing to answered")
			.publishPercentileHistogram()
			.register(meters);
	}

	@Override
	public void ended(String outcome, boolean missed, Integer waitSeconds) {
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

	@Override
	public void parked() {
		this.parked.increment();
	}

	@Override
	public void resumed() {
		this.resumed.increment();
	}

}
