package dev.switchboard.crmbridge.outbound.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crm-bridge.publish.*}.
 *
 * @param confirmTimeout how long a publish waits for the broker's confirm before it
 * counts as failed (the inbound message then fails too, and is redelivered or
 * dead-lettered)
 */
@ConfigurationProperties("crm-bridge.publish")
record PublishProperties(@DefaultValue("5s") Duration confirmTimeout) {

	PublishProperties {
		if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
			throw new IllegalArgumentException("crm-bridge.publish.confirm-timeout must be positive");
		}
	}

}
