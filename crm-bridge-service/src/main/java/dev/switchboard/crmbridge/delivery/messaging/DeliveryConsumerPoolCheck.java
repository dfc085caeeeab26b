package dev.switchboard.crmbridge.delivery.messaging;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.stereotype.Component;

/**
 * Refuses to start when the connection pool is too small for the delivery consumers: each
 * consumer holds a connection for its transaction and takes a second one for a moment to
 * spend from the helpdesk request budget (Bucket4j uses its own), so a pool that every
 * consumer can drain would make them wait for each other until the pool's timeout sends
 * their deliveries to the DLQ.
 */
@Component
class DeliveryConsumerPoolCheck {

	DeliveryConsumerPoolCheck(DataSource dataSource, DeliveryConsumerProperties properties) {
		if (dataSource instanceof HikariDataSource pool && pool.getMaximumPoolSize() < properties.connectionsNeeded()) {
			throw new IllegalStateException("spring.datasource.hikari.maximum-pool-size "
					+ "(SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE) is " + pool.getMaximumPoolSize()
					+ ", too small for crm-bridge.deliveries.consumers (CRMBRIDGE_DELIVERIES_CONSUMERS) = "
					+ properties.consumers() + ": set it to at least " + properties.connectionsNeeded()
					+ " (2 a consumer + 10), or run fewer consumers");
		}
	}

}
