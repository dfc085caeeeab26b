package dev.switchboard.crmbridge.delivery.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crm-bridge.deliveries.*}: how {@code webhooks.inbound} is consumed.
 *
 * @param consumers consumers per instance of {@code inboundDeliveries-in-0} (the
 * binding's {@code concurrency} reads it): Twilio callbacks and Zendesk events are
 * handled this many at a time; the order that matters (per call, per ticket) is kept by
 * row locks in the database, so any number of consumers and instances may compete for the
 * queue
 */
@ConfigurationProperties("crm-bridge.deliveries")
@Validated
record DeliveryConsumerProperties(@DefaultValue("8") @Min(1) @Max(64) int consumers) {

	/**
	 * The database connections the service needs at least: two per consumer (its
	 * transaction's and, for a moment, the helpdesk request budget's), and ten for the
	 * command consumer, the drain, the scheduled jobs (a resumed parked delivery holds
	 * three) and the API.
	 */
	int connectionsNeeded() {
		return 2 * this.consumers + 10;
	}

}
