package dev.switchboard.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.switchboard.testsupport.RealBrokerAndDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The gateway against the real RabbitMQ (this run's vhost) and PostgreSQL (this run's
 * database). Every class with this annotation shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.internal-token=test-internal-token",
				"gateway.webhooks.github.secret=" + GatewayIntegrationTest.GITHUB_SECRET,
				"gateway.publish.retry-after=17s" })
@ContextConfiguration(initializers = RealBrokerAndDatabase.class)
public @interface GatewayIntegrationTest {

	String GITHUB_SECRET = "It's a Secret to Everybody";

}
