package dev.switchboard.statuspage.subscription.metrics;

import java.util.Locale;

import dev.switchboard.statuspage.subscription.SubscriptionState;
import dev.switchboard.statuspage.subscription.Subscriptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code switchboard.subscriptions{state}}: active, paused and failing subscriptions (a
 * failing one waits for an operator; its reason is in the API).
 */
@Component
class SubscriptionGauges {

	SubscriptionGauges(Subscriptions subscriptions, MeterRegistry meters) {
		for (SubscriptionState state : SubscriptionState.values()) {
			Gauge.builder("switchboard.subscriptions", subscriptions, (all) -> all.countIn(state))
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.description("Subscriptions by state")
				.register(meters);
		}
	}

}
