package dev.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.switchboard.gateway.WebhookClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway pointed at a port where no broker listens: nothing may be answered 2xx. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.internal-token=test-internal-token-0123456789",
				"gateway.webhooks.github.secret=s3cret", "gateway.publish.retry-after=30s",
				"spring.rabbitmq.connection-timeout=1s" })
class BrokerUnreachableIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void closedBrokerPort(DynamicPropertyRegistry registry) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		int port = closedPort;
		registry.add("spring.rabbitmq.port", () -> port);
		Path dataDir = Files.createTempDirectory("gateway-broker-down");
		registry.add("switchboard.data-dir", dataDir::toString);
	}

	@Test
	void answers503WithRetryAfterWhileTheBrokerIsUnreachable() {
		byte[] body = "{\"action\":\"closed\"}".getBytes(StandardCharsets.UTF_8);
		WebhookClient client = new WebhookClient(this.port);

		HttpResponse<String> response = client.github("issues", "d-1", body,
				WebhookClient.githubSignature("s3cret", body));

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(response.body()).contains("broker unreachable");
		assertThat(this.jdbc.sql("select outcome from delivery_log where delivery_id = 'd-1'")
			.query(String.class)
			.single()).as("recorded, but not as accepted").isEqualTo("UNCONFIRMED");
	}

	@Test
	void answers404ForAProviderWithoutASecret() {
		WebhookClient client = new WebhookClient(this.port);

		HttpResponse<String> response = client.post("/webhooks/jira", "{}".getBytes(StandardCharsets.UTF_8),
				java.util.Map.of("Content-Type", "application/json"));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void isNotReadyButStaysLiveWhileTheBrokerIsUnreachable() {
		WebhookClient client = new WebhookClient(this.port);

		assertThat(client.get("/readyz").statusCode()).isEqualTo(503);
		assertThat(client.get("/livez").statusCode()).isEqualTo(200);
	}

}
