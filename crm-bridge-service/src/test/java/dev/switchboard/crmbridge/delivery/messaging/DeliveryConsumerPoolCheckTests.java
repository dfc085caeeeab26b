package dev.switchboard.crmbridge.delivery.messaging;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DeliveryConsumerPoolCheckTests {

	@Test
	void refusesAPoolThatTheDeliveryConsumersCouldDrain() {
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setMaximumPoolSize(10);

			assertThatIllegalStateException()
				.isThrownBy(() -> new DeliveryConsumerPoolCheck(pool, new DeliveryConsumerProperties(8)))
				.withMessageContaining("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE) is 10")
				.withMessageContaining("CRMBRIDGE_DELIVERIES_CONSUMERS) = 8")
				.withMessageContaining("at least 26");
		}
	}

	@Test
	void acceptsTwoConnectionsAConsumerAndTenMore() {
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setMaximumPoolSize(26);

			assertThatNoException()
				.isThrownBy(() -> new DeliveryConsumerPoolCheck(pool, new DeliveryConsumerProperties(8)));
		}
	}

}
