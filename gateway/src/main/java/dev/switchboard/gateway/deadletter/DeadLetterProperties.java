package dev.switchboard.gateway.deadletter;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.dead-letters.*}.
 *
 * @param managementUrl RabbitMQ's management API, used only to find the dead-letter
 * queues' names (never its message get, which settles messages); credentials and vhost
 * are {@code spring.rabbitmq.*}
 * @param peek how many messages of each queue the listing shows
 */
@ConfigurationProperties("gateway.dead-letters")
public record DeadLetterProperties(@DefaultValue("http://localhost:15672") URI managementUrl,
		@DefaultValue("20") int peek) {
}
