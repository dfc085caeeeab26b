package dev.switchboard.crmbridge.delivery.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.switchboard.contracts.Provider;
import dev.switchboard.crmbridge.delivery.DeliveryMetrics;
import dev.switchboard.crmbridge.delivery.ParkedDeliveries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Deliveries waiting for the helpdesk: {@code switchboard.deliveries.parked} and
 * {@code switchboard.deliveries.resumed} (counters by provider),
 * {@code switchboard.deliveries.waiting} (gauge, the parked rows) and
 * {@code switchboard.deliveries.waiting.oldest} (gauge, seconds since the delivery
 * waiting longest was parked; 0 when none waits). The oldest age grows past the
 * helpdesk's outages only when a parked delivery is refused on every attempt.
 */
@Component
class MicrometerDeliveryMetrics implements DeliveryMetrics {

	private final MeterRegistry meters;

	MicrometerDeliveryMetrics(MeterRegistry meters, ParkedDeliveries parked, Clock clock) {
		this.meters = meters;
		Gauge.builder("switchboard.deliveries.waiting", parked, ParkedDeliveries::waiting)
			.description("deliveries parked, waiting for the helpdesk")
			.register(meters);
		Gauge
			.builder("switchboard.deliveries.waiting.oldest", parked,
					(rows) -> rows.oldestParkedAt()
						.map((at) -> Duration.between(at, clock.instant()).toMillis() / 1000.0)
						.orElse(0.0))
			.description("age of the delivery parked longest")
			.baseUnit("seconds")
			.register(meters);
		// at zero from the start, so dashboards and alerts find them before the first
		// outage
		for (Provider provider : List.of(Provider.TWILIO, Provider.ZENDESK)) {
			meters.counter("switchboard.deliveries.parked", "provider", provider.id());
			meters.counter("switchboard.deliveries.resumed", "provider", provider.id());
		}
	}

	@Override
	public void parked(String provider) {
		this.meters.counter("switchboard.deliveries.parked", "provider", provider).increment();
	}

	@Override
	public void resumed(String provider) {
		this.meters.counter("switchboard.deliveries.resumed", "provider", provider).increment();
	}

}
