package dev.switchboard.issuesync.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.issuesync.IssueSyncApplication;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import dev.switchboard.issuesync.access.InternalTokenProperties;
import dev.switchboard.testsupport.RealBrokerAndDatabase;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Jira refuses the credentials (401): the hold-off also holds for an instance started
 * afterwards on the same database (a restart), which answers without calling Jira.
 */
@IssueSyncIntegrationTest
class CredentialsHoldOffRestartIntegrationTests {

	private static final String TOKEN = "test-internal-token-0123456789";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	TrackerCredentials credentials;

	@InjectWireMock("jira")
	WireMockServer jira;

	@InjectWireMock("github")
	WireMockServer github;

	@Test
	void keepsNotCallingJiraAfterARestartWhileTheHoldOffRuns() throws Exception {
		this.jira.stubFor(get(urlPathMatching("/rest/api/3/issue/HOLD-.*")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errorMessages\":[\"Client must be authenticated to access this resource.\"],"
					+ "\"errors\":{}}")));
		try {
			HttpResponse<String> refused = link(this.port, "HOLD-1");
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(refused.body()).contains("tracker-credentials");

			try (ConfigurableApplicationContext restarted = restart()) {
				int restartedPort = Integer
					.parseInt(restarted.getEnvironment().getRequiredProperty("local.server.port"));

				HttpResponse<String> held = link(restartedPort, "HOLD-2");

				assertThat(held.statusCode()).isEqualTo(422);
				assertThat(held.body()).contains("tracker-credentials");
				this.jira.verify(1, getRequestedFor(urlPathMatching("/rest/api/3/issue/HOLD-.*")));
			}
		}
		finally {
			this.credentials.accepted(Tracker.JIRA);
		}
	}

	/**
	 * A second instance of the service on this run's database and broker, its consumers
	 * stopped (it only answers the API here).
	 */
	private ConfigurableApplicationContext restart() {
		// command-line arguments: above application.yml, as the environment is in
		// production
		return new SpringApplicationBuilder(IssueSyncApplication.class).initializers(new RealBrokerAndDatabase())
			.run("--server.port=0", "--management.server.port=0", "--switchboard.internal-token=" + TOKEN,
					"--issue-sync.jira.base-url=" + this.jira.baseUrl(), "--issue-sync.jira.email=bot@example.com",
					"--issue-sync.jira.api-token=jira-test-token",
					"--issue-sync.github.base-url=" + this.github.baseUrl(), "--issue-sync.reconciliation-interval=1h",
					"--issue-sync.report-interval=1h", "--issue-sync.close-note-interval=1h",
					"--spring.cloud.stream.bindings.inboundDeliveries-in-0.consumer.auto-startup=false",
					"--spring.cloud.stream.bindings.ticketEvents-in-0.consumer.auto-startup=false");
	}

	private HttpResponse<String> link(int port, String key) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/links"))
			.header(InternalTokenProperties.HEADER, TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json
				.writeValueAsString(Map.of("ticketId", "1", "issueUrl", this.jira.baseUrl() + "/browse/" + key))))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
