package dev.switchboard.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's application context at the real RabbitMQ, in this run's own vhost. The
 * database stays the application's default (the embedded H2 file database): use
 * {@link RealBrokerAndDatabase} for PostgreSQL.
 * {@code @ContextConfiguration(initializers = RealBroker.class)}.
 */
public class RealBroker implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>();
		addProperties(context, properties);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test-infrastructure", properties));
	}

	void addProperties(ConfigurableApplicationContext context, Map<String, Object> properties) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		properties.put("spring.rabbitmq.host", infrastructure.rabbitHost());
		properties.put("spring.rabbitmq.port", infrastructure.rabbitPort());
		properties.put("spring.rabbitmq.username", infrastructure.rabbitUser());
		properties.put("spring.rabbitmq.password", infrastructure.rabbitPassword());
		properties.put("spring.rabbitmq.virtual-host", infrastructure.vhost());
	}

}
