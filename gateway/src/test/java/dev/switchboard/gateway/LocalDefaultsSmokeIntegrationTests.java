package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import dev.switchboard.testsupport.RealBroker;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as ./switchboard run starts it: embedded H2 and the local broker (this
 * run's vhost).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.internal-token=test-internal-token-0123456789", "gateway.api-keys[0].name=local",
				"gateway.api-keys[0].sha256=82007d29a6e0686708f2ef128b4d5d2225286cb76e82f74b09324d61ec36f968",
				"gateway.webhooks.github.secret=" + GatewayIntegrationTest.GITHUB_SECRET })
@ContextConfiguration(initializers = RealBroker.class)
class LocalDefaultsSmokeIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void ownDataDirectory(DynamicPropertyRegistry registry) throws IOException {
		String dataDir = Files.createTempDirectory("gateway-smoke").toString();
		registry.add("switchboard.data-dir", () -> dataDir);
	}

	@Test
	void startsOnEmbeddedH2AndReportsReadyLiveAndMetricsOnTheManagementPortOnly() {
		WebhookClient management = new WebhookClient(this.managementPort);
		WebhookClient published = new WebhookClient(this.port);

		assertThat(management.get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"")
			.contains("\"db\"")
			.contains("\"rabbit\"");
		assertThat(management.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(management.get("/actuator/prometheus").body()).contains("application=\"gateway\"");
		assertThat(this.managementPort).isNotEqualTo(this.port);
		assertThat(published.get("/readyz").statusCode()).isEqualTo(200);
		assertThat(published.get("/livez").statusCode()).isEqualTo(200);
		assertThat(published.get("/actuator/prometheus").statusCode()).isEqualTo(401);
	}

	@Test
	void logsDeliveriesAndServesTheAdminApiOnEmbeddedH2() {
		WebhookClient client = new WebhookClient(this.port);
		byte[] body = "{\"action\":\"opened\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		String signature = WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, body);

		assertThat(client.github("issues", "h2-delivery", body, signature).statusCode()).isEqualTo(202);
		assertThat(client.github("issues", "h2-delivery", body, signature).statusCode()).isEqualTo(200);
		for (int i = 0; i < 3; i++) {
			assertThat(client.admin("GET", "/api/deliveries?provider=github", GatewayIntegrationTest.ADMIN_KEY, null)
				.body()).contains("h2-delivery");
		}
	}

}
