package dev.switchboard.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;

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
		context.addApplicationListener(RealBroker::releasePausedSchedulers);
	}

	/**
	 * The test framework pauses (stops) a cached context while another one is in use. A
	 * scheduler that is paused keeps a job that fell due waiting for a start, and a close
	 * does not wake it: the scheduler's shutdown then waited its whole termination
	 * timeout at the JVM's exit. Started again on close, the job runs once more and the
	 * scheduler shuts down at once, while the context's database and broker are still
	 * there.
	 */
	private static void releasePausedSchedulers(ApplicationEvent event) {
		if (event instanceof ContextClosedEvent closed) {
			closed.getApplicationContext()
				.getBeansOfType(ExecutorConfigurationSupport.class)
				.values()
				.stream()
				.filter((executor) -> !executor.isRunning())
				.forEach(ExecutorConfigurationSupport::start);
		}
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
