package dev.switchboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.ScheduledMethodRunnable;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * A service as {@code ./switchboard run} starts it (embedded H2 in a directory of its
 * own, the local broker in this run's vhost): ready, live and scraped on the management
 * port, every path of its own port closed to callers without the internal token whatever
 * its spelling, and a thread for each scheduled job. Each service's
 * {@code LocalDefaultsSmokeIntegrationTests} extends it, so the local run cannot rot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "switchboard.internal-token=" + LocalDefaultsSmokeTests.INTERNAL_TOKEN)
@ContextConfiguration(initializers = RealBroker.class)
public abstract class LocalDefaultsSmokeTests {

	protected static final String INTERNAL_TOKEN = "test-internal-token-0123456789";

	private static final String INTERNAL_TOKEN_HEADER = "X-Switchboard-Internal-Token";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	@LocalManagementPort
	protected int managementPort;

	@Autowired
	private ApplicationContext context;

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
	void startsOnEmbeddedH2AndReportsReadyLiveAndMetricsOnTheManagementPort() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		assertThat(get(this.managementPort, "/actuator/health/readiness", null).body()).contains("\"status\":\"UP\"")
			.contains("\"db\"")
			.contains("\"rabbit\"");
		assertThat(get(this.managementPort, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(get(this.managementPort, "/actuator/prometheus", null).body())
			.contains("application=\"" + this.application + "\"");
		assertThat(get("/readyz", null).statusCode()).isEqualTo(200);
		assertThat(get("/livez", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
		assertThat(get("/v3/api-docs", INTERNAL_TOKEN).body()).contains("openapi");
	}

	/**
	 * Deny by default on the service's own port: every spelling of every path the service
	 * serves, without the token, is refused by the filter (401) or as a spelling the
	 * router could read differently (400, by the filter or by Tomcat), never answered by
	 * a handler. The paths come from the running application.
	 */
	@Test
	void refusesEverySpellingOfEveryPathWithoutTheInternalToken() throws Exception {
		Set<String> patterns = new TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			mapping.getHandlerMethods().keySet().forEach((info) -> patterns.addAll(info.getPatternValues()));
		}
		assertThat(patterns).anyMatch((pattern) -> pattern.startsWith("/api/"));
		List<String> failures = new ArrayList<>();
		for (String pattern : patterns) {
			String path = pattern.replaceAll("\\{[^}]*}", "12345").replace("/**", "/x");
			for (String spelling : HostilePaths.spellings(path)) {
				String plain = spelling.split("\\?")[0];
				if (plain.equals("/livez") || plain.equals("/readyz")) {
					// the two probes are public; their other spellings are not
					continue;
				}
				for (String method : List.of("GET", "POST")) {
					HostilePaths.Answer answer = HostilePaths.send(this.port, method, spelling);
					boolean refused = (answer.status() == 401
							&& answer.problemType().equals("urn:switchboard:problem:internal-token"))
							|| (answer.status() == 400
									&& (answer.problemType().equals("urn:switchboard:problem:non-canonical-path")
											|| !answer.body().contains("\"type\"")));
					if (!refused) {
						failures.add(method + " " + spelling + " -> " + answer.summary());
					}
				}
			}
		}
		assertThat(failures).isEmpty();
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
	 * A killed instance must not stall scheduled work for long: every job's ShedLock is
	 * at most a minute, extended by a keep-alive while the job runs (so a long job keeps
	 * its lock and a dead instance's lock lapses within a minute).
	 */
	@Test
	void locksEveryScheduledJobForAtMostAMinuteAndKeepsItAliveWhileItRuns() {
		assertThat(this.context.getBean("lockProvider").getClass().getName())
			.isEqualTo("net.javacrumbs.shedlock.support.KeepAliveLockProvider");
		for (ScheduledTask job : this.scheduledJobs.getScheduledTasks()) {
			if (job.getTask().getRunnable() instanceof ScheduledMethodRunnable method) {
				MergedAnnotation<Annotation> lock = MergedAnnotations.from(method.getMethod())
					.get("net.javacrumbs.shedlock.spring.annotation.SchedulerLock");
				if (lock.isPresent()) {
					String atMost = this.context.getEnvironment()
						.resolveRequiredPlaceholders(lock.getString("lockAtMostFor"));
					assertThat(atMost.isEmpty() ? Duration.ZERO : parse(atMost)).as(method.getMethod().getName())
						.isLessThanOrEqualTo(Duration.ofMinutes(1));
				}
			}
		}
	}

	private static Duration parse(String duration) {
		return duration.startsWith("P") ? Duration.parse(duration) : DurationStyle.detectAndParse(duration);
	}

	/**
	 * Start-up refuses an internal token that is still the placeholder of
	 * {@code .env.example} or too easy to guess, naming the variable.
	 */
	@Test
	void refusesToStartWithAPlaceholderOrGuessableInternalToken() throws Exception {
		Class<?> application = ClassUtils
			.getUserClass(this.context.getBeansWithAnnotation(SpringBootApplication.class).values().iterator().next());
		String dataDir = Files.createTempDirectory("refused-token").toString();
		for (String token : List.of("change-me-openssl-rand-hex-32", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
				"abababababababababab")) {
			assertThatThrownBy(() -> new SpringApplicationBuilder(application)
				.run("--switchboard.internal-token=" + token, "--server.port=0", "--management.server.port=0",
						"--spring.rabbitmq.port=1", "--switchboard.data-dir=" + dataDir)
				.close()).as(token).hasStackTraceContaining("SWITCHBOARD_INTERNAL_TOKEN");
		}
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
		return get(this.port, path, token);
	}

	protected HttpResponse<String> get(int port, String path, @Nullable String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (token != null) {
			request.header(INTERNAL_TOKEN_HEADER, token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
