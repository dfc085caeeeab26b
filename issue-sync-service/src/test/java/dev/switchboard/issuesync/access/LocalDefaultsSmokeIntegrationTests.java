package dev.switchboard.issuesync.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import dev.switchboard.testsupport.RealBroker;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service as ./switchboard run starts it (embedded H2, the local broker in this run's
 * vhost): ready, live, scraped, and {@code /api/**} closed to callers without the
 * internal token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "switchboard.internal-token=test-internal-token")
@ContextConfiguration(initializers = RealBroker.class)
class LocalDefaultsSmokeIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void ownDataDirectory(DynamicPropertyRegistry registry) throws IOException {
		String dataDir = Files.createTempDirectory("smoke").toString();
		registry.add("switchboard.data-dir", () -> dataDir);
	}

	@Test
	void startsOnEmbeddedH2AndReportsReadyLiveAndMetrics() throws Exception {
		assertThat(get("/actuator/health/readiness", null).body()).contains("\"status\":\"UP\"")
			.contains("\"db\"")
			.contains("\"rabbit\"");
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/prometheus", null).body()).contains("application=\"" + applicationName() + "\"");
	}

	@Test
	void refusesApiCallsWithoutTheInternalToken() throws Exception {
		HttpResponse<String> anonymous = get("/api/anything", null);
		HttpResponse<String> wrong = get("/api/anything", "not-the-token");

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(get("/api/anything", "test-internal-token").statusCode()).isEqualTo(404);
	}

	@Test
	void runsTheJobsQueriesAndTheSchedulerLockOnEmbeddedH2() {
		assertThat(this.handling.retryDueParkedLinks(10)).isZero();
		assertThat(this.reports.writeDue(10)).isZero();
		assertThat(this.reconciliation.run()).isZero();
		java.util.Optional<net.javacrumbs.shedlock.core.SimpleLock> lock = this.locks
			.lock(new net.javacrumbs.shedlock.core.LockConfiguration(java.time.Instant.now(), "smoke",
					java.time.Duration.ofSeconds(30), java.time.Duration.ZERO));
		assertThat(lock).isPresent();
		lock.get().unlock();
	}

	@org.springframework.beans.factory.annotation.Autowired
	dev.switchboard.issuesync.link.TicketEventHandling handling;

	@org.springframework.beans.factory.annotation.Autowired
	dev.switchboard.issuesync.link.Reports reports;

	@org.springframework.beans.factory.annotation.Autowired
	dev.switchboard.issuesync.link.Reconciliation reconciliation;

	@org.springframework.beans.factory.annotation.Autowired
	net.javacrumbs.shedlock.core.LockProvider locks;

	private String applicationName() {
		return APPLICATION;
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			request.header(InternalTokenProperties.HEADER, token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static final String APPLICATION = "issue-sync-service";

}
