package dev.switchboard.testsupport;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test's application context at the real RabbitMQ (this run's vhost) and at this
 * run's own PostgreSQL database for the application's {@code spring.application.name}.
 * {@code @ContextConfiguration(initializers = RealBrokerAndDatabase.class)}.
 */
public class RealBrokerAndDatabase extends RealBroker {

	@Override
	void addProperties(ConfigurableApplicationContext context, Map<String, Object> properties) {
		super.addProperties(context, properties);
		String service = context.getEnvironment().getRequiredProperty("spring.application.name");
		TestInfrastructure infrastructure = TestInfrastructure.get();
		properties.put("spring.datasource.url", infrastructure.databaseUrl(service));
		properties.put("spring.datasource.username", infrastructure.postgresUser());
		properties.put("spring.datasource.password", infrastructure.postgresPassword());
	}

}
