package dev.switchboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service as {@code ./switchboard run} starts it (embedded H2 in a directory of its
 * own, the local broker in this run's vhost): ready, live, scraped, {@code /api/**}
 * closed to callers without the internal token, and a thread for each scheduled job. Each
 * service's {@code LocalDefaultsSmokeIntegrationTests} extends it, so the local run
 * cannot rot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "switchboard.internal-token=" + LocalDefaultsSmokeTests.INTERNAL_TOKEN)
@ContextConfiguration(initializers = RealBroker.class)
public abstract class LocalDefaultsSmokeTests {

	protected static final String INTERNAL_TOKEN = "test-internal-token";

	private static final String INTERNAL_TOKEN_HEADER = "X-Switchboard-Internal-Token";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	@Value("${spring.application.name}")
	protected String application;

	@Autowired
	private TaskScheduler scheduler;

	@Autowired
	private ScheduledTaskHolder scheduledJobs;

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
		assertThat(get("/actuator/prometheus", null).body()).contains("application=\"" + this.application + "\"");
	}

	@Test
	void refusesApiCallsWithoutTheInternalToken() throws Exception {
		HttpResponse<String> anonymous = get("/api/anything", null);
		HttpResponse<String> wrong = get("/api/anything", "not-the-token");

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(get("/api/anything", INTERNAL_TOKEN).statusCode()).isEqualTo(404);
	}

	/**
	 * Boot's virtual-thread scheduler runs every fixed-delay job on one thread, where a
	 * job waiting on a slow remote API holds up the others: a service with several jobs
	 * gives each a thread of its own (a {@link ThreadPoolTaskScheduler} as large).
	 */
	@Test
	void runsEachScheduledJobOnAThreadOfItsOwn() {
		Set<ScheduledTask> jobs = this.scheduledJobs.getScheduledTasks();
		int threads = (this.scheduler instanceof ThreadPoolTaskScheduler pool)
				? pool.getScheduledThreadPoolExecutor().getCorePoolSize() : 1;

		assertThat(threads).as("threads for the scheduled jobs %s", jobs).isGreaterThanOrEqualTo(jobs.size());
	}

	protected HttpResponse<String> get(String path, @Nullable String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			request.header(INTERNAL_TOKEN_HEADER, token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
