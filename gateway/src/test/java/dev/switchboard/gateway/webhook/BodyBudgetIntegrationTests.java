package dev.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.ProviderRequests;
import dev.switchboard.gateway.WebhookClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A signed delivery arriving while the body budget is taken is answered 503 with
 * {@code Retry-After} without being read, and accepted once the budget has room again
 * (the provider's retry). The budget is taken here the way a flood of large bodies takes
 * it: by leases that hold all but the reserve.
 */
@GatewayIntegrationTest
class BodyBudgetIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	BodyBudget budget;

	@Test
	void answers503WithRetryAfterWhileLargeBodiesHoldTheBudgetAndAcceptsTheRetry() {
		WebhookClient client = new WebhookClient(this.port);
		String deliveryId = "budget-" + UUID.randomUUID();
		byte[] body = ("{\"action\":\"edited\",\"padding\":\"" + "x".repeat(300 * 1024) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> refused;
		try (BodyBudget.Lease flood = this.budget.lease()) {
			for (long step : new long[] { 1024 * 1024, 4 * 1024 }) {
				while (flood.grow(step)) {
					// take everything large bodies may take
				}
			}
			refused = client.send(ProviderRequests.github(deliveryId, body));
		}

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("17");
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("urn:switchboard:problem:webhook:over-budget");
		assertThat(client.send(ProviderRequests.github(deliveryId, body)).statusCode()).isEqualTo(202);
	}

}
