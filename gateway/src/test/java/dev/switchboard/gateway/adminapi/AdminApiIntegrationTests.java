package dev.switchboard.gateway.adminapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin API's door: keys, the per-key rate limit, and routing to the owning service
 * (a WireMock stands in for the services; a connection fault for a service that is down).
 */
@GatewayIntegrationTest
class AdminApiIntegrationTests {

	@LocalServerPort
	int port;

	WebhookClient client;

	@BeforeEach
	void setUp() throws InterruptedException {
		this.client = new WebhookClient(this.port);
		Thread.sleep(1100);
	}

	@Test
	void refusesRequestsWithoutAKeyOrWithAnUnknownOneBeforeRouting() {
		HttpResponse<String> anonymous = this.client.admin("GET", "/api/links?ticketId=1", null, null);
		HttpResponse<String> wrong = this.client.admin("GET", "/api/links?ticketId=1", "not-a-key", null);

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(wrong.statusCode()).isEqualTo(401);
		verify(0, getRequestedFor(urlPathEqualTo("/api/links")));
	}

	@Test
	void routesToTheOwningServiceWithTheInternalTokenAndWithoutTheCallersKey() {
		stubFor(get(urlPathEqualTo("/api/links")).willReturn(okJson("[{\"id\":\"l-1\",\"ticketId\":\"35436\"}]")));

		HttpResponse<String> response = this.client.admin("GET", "/api/links?ticketId=35436",
				GatewayIntegrationTest.ADMIN_KEY, null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("l-1");
		verify(getRequestedFor(urlPathEqualTo("/api/links")).withQueryParam("ticketId", equalTo("35436"))
			.withHeader(InternalTokenProperties.HEADER, equalTo("test-internal-token-0123456789"))
			.withHeader("Authorization", absent()));
	}

	@Test
	void answers503WhenTheOwningServiceIsDown() {
		stubFor(get(urlPathEqualTo("/api/calls")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		HttpResponse<String> response = this.client.admin("GET", "/api/calls?ticketId=1",
				GatewayIntegrationTest.ADMIN_KEY, null);

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("crm-bridge-service");
	}

	@Test
	void answers429WithRetryAfterOverTheKeysRateLimit() throws Exception {
		List<HttpResponse<String>> responses = new ArrayList<>();
		try (ExecutorService burst = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<HttpResponse<String>>> sent = new ArrayList<>();
			for (int i = 0; i < 80; i++) {
				sent.add(burst
					.submit(() -> this.client.admin("GET", "/api/docs", GatewayIntegrationTest.ADMIN_KEY, null)));
			}
			for (Future<HttpResponse<String>> response : sent) {
				responses.add(response.get());
			}
		}

		List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
		assertThat(statuses).contains(200, 429);
		HttpResponse<String> limited = responses.stream()
			.filter((r) -> r.statusCode() == 429)
			.findFirst()
			.orElseThrow();
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void servesAnIndexOfTheOpenApiDescriptions() {
		HttpResponse<String> index = this.client.admin("GET", "/api/docs", GatewayIntegrationTest.ADMIN_KEY, null);

		assertThat(index.statusCode()).isEqualTo(200);
		assertThat(index.body()).contains("/api/docs/issue-sync-service")
			.contains("/api/deliveries")
			.contains("/api/docs/gateway");
		assertThat(this.client.admin("GET", "/api/docs/gateway", GatewayIntegrationTest.ADMIN_KEY, null).body())
			.contains("/api/deliveries")
			.contains("/api/dead-letters");
		assertThat(this.client.get("/api/docs/gateway").statusCode()).isEqualTo(401);
		assertThat(this.client.get("/v3/api-docs").statusCode()).isEqualTo(401);
	}

}
