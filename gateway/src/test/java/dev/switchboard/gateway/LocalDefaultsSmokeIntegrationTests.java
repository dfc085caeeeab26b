package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import dev.switchboard.testsupport.RealBroker;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as ./switchboard run starts it: embedded H2 and the local broker (this
 * run's vhost).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "switchboard.internal-token=test-internal-token")
@ContextConfiguration(initializers = RealBroker.class)
class LocalDefaultsSmokeIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void ownDataDirectory(DynamicPropertyRegistry registry) throws IOException {
		String dataDir = Files.createTempDirectory("gateway-smoke").toString();
		registry.add("switchboard.data-dir", () -> dataDir);
	}

	@Test
	void startsOnEmbeddedH2AndReportsReadyLiveAndMetrics() {
		WebhookClient client = new WebhookClient(this.port);

		assertThat(client.get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"")
			.contains("\"db\"")
			.contains("\"rabbit\"");
		assertThat(client.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(client.get("/actuator/prometheus").body()).contains("application=\"gateway\"");
	}

}
