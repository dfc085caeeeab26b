package dev.switchboard.gateway.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.delivery-log.*}.
 *
 * @param retention how long accepted deliveries are kept for replay and duplicate
 * suppression
 * @param purgeInterval how often expired entries are removed (on one instance at a time)
 */
@ConfigurationProperties("gateway.delivery-log")
public record DeliveryLogProperties(@DefaultValue("7d") Duration retention,
		@DefaultValue("1h") Duration purgeInterval) {
}
