package dev.switchboard.gateway.health.metrics;

import java.util.Map;
import java.util.TreeMap;

import dev.switchboard.gateway.health.GatewayCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Reads the counters the gateway already keeps (the same as
 * {@code switchboard_webhooks_received_total}, {@code
 * switchboard_webhooks_body_budget_available_bytes} and
 * {@code switchboard_admin_downstream_unavailable_total} on the management port), summed
 * over their tags; nothing new is counted.
 */
@Component
class MicrometerGatewayCounters implements GatewayCounters {

	private final MeterRegistry meters;

	MicrometerGatewayCounters(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public Counts read() {
		Gauge budget = this.meters.find("switchboard.webhooks.body.budget.available").gauge();
		Map<String, Long> downstream = new TreeMap<>();
		for (Counter counter : this.meters.find("switchboard.admin.downstream.unavailable").counters()) {
			downstream.merge(String.valueOf(counter.getId().getTag("service")), (long) counter.count(), Long::sum);
		}
		return new Counts(received("unavailable"), received("over-budget"),
				(budget != null) ? (long) budget.value() : null, downstream);
	}

	private long received(String outcome) {
		return (long) this.meters.find("switchboard.webhooks.received")
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

}
