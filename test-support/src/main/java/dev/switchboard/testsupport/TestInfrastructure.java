package dev.switchboard.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real RabbitMQ and PostgreSQL on localhost, with names of this test JVM's own: one
 * vhost and one database per service, named {@code sbtest_<start time>_<random>}, so that
 * test runs never see each other or a running {@code ./switchboard run}. They are removed
 * when the JVM exits; ones left behind by a killed run are swept after
 * {@link #STALE_AFTER}.
 *
 * <p>
 * Environment: {@code SWITCHBOARD_TEST_RABBITMQ_HOST}, {@code _PORT},
 * {@code _MANAGEMENT_PORT}, {@code _USER}, {@code _PASSWORD};
 * {@code SWITCHBOARD_TEST_POSTGRES_URL} (a JDBC URL without a database), {@code _USER},
 * {@code _PASSWORD}. The defaults are the machine's: localhost, guest/guest, postgres
 * with trust authentication. The broker needs the management plugin
 * ({@code ./switchboard test} enables it).
 */
public final class TestInfrastructure {

	private static final String PREFIX = "sbtest_";

	private static final Duration STALE_AFTER = Duration.ofHours(6);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

	private static final Pattern STAMPED = Pattern.compile(PREFIX + "(\\d{14})_.*");

	private static final String RUN_ID = PREFIX + LocalDateTime.now().format(STAMP) + "_"
			+ Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);

	private static final TestInfrastructure INSTANCE = new TestInfrastructure();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Below Surefire's 30 s allowance for a forked JVM's exit. */
	private static final Duration SPRING_SHUTDOWN_WAIT = Duration.ofSeconds(25);

	private final List<String> databases = new ArrayList<>();

	private boolean vhostCreated;

	private TestInfrastructure() {
		Runtime.getRuntime().addShutdownHook(new Thread(this::removeEverythingCreated, "test-infrastructure-cleanup"));
	}

	public static TestInfrastructure get() {
		return INSTANCE;
	}

	public String runId() {
		return RUN_ID;
	}

	public String rabbitHost() {
		return env("SWITCHBOARD_TEST_RABBITMQ_HOST", "127.0.0.1");
	}

	public int rabbitPort() {
		return Integer.parseInt(env("SWITCHBOARD_TEST_RABBITMQ_PORT", "5672"));
	}

	public String rabbitUser() {
		return env("SWITCHBOARD_TEST_RABBITMQ_USER", "guest");
	}

	public String rabbitPassword() {
		return env("SWITCHBOARD_TEST_RABBITMQ_PASSWORD", "guest");
	}

	public String postgresUser() {
		return env("SWITCHBOARD_TEST_POSTGRES_USER", "postgres");
	}

	public String postgresPassword() {
		return env("SWITCHBOARD_TEST_POSTGRES_PASSWORD", "");
	}

	/** This run's vhost, created on first use. */
	public synchronized String vhost() {
		if (!this.vhostCreated) {
			sweepStaleVhosts();
			management("PUT", "/api/vhosts/" + encode(RUN_ID), "{}");
			management("PUT", "/api/permissions/" + encode(RUN_ID) + "/" + encode(rabbitUser()),
					"{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
			this.vhostCreated = true;
		}
		return RUN_ID;
	}

	/** The JDBC URL of this run's database for a service, created on first use. */
	public synchronized String databaseUrl(String service) {
		String name = RUN_ID + "_" + service.replace('-', '_');
		if (!this.databases.contains(name)) {
			if (this.databases.isEmpty()) {
				sweepStaleDatabases();
			}
			sql("create database " + name);
			this.databases.add(name);
		}
		return postgresBaseUrl() + name;
	}

	/**
	 * Sends a request to the management API and returns the response body.
	 */
	public String management(String method, String path, @org.jspecify.annotations.Nullable String body) {
		String credentials = Base64.getEncoder()
			.encodeToString((rabbitUser() + ":" + rabbitPassword()).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(
					"http://" + rabbitHost() + ":" + env("SWITCHBOARD_TEST_RABBITMQ_MANAGEMENT_PORT", "15672") + path))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(20))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300 && !(method.equals("DELETE") && response.statusCode() == 404)) {
				throw new IllegalStateException(
						method + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("RabbitMQ's management API is not reachable on " + rabbitHost()
					+ " (run 'rabbitmq-plugins enable rabbitmq_management', as ./switchboard test does)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String postgresBaseUrl() {
		return env("SWITCHBOARD_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
	}

	private void sql(String statement) {
		try (Connection connection = DriverManager.getConnection(postgresBaseUrl() + "postgres", postgresUser(),
				postgresPassword())) {
			connection.createStatement().execute(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + postgresBaseUrl() + " refused '" + statement + "'", ex);
		}
	}

	private List<String> existingDatabases() {
		List<String> names = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(postgresBaseUrl() + "postgres", postgresUser(),
				postgresPassword());
				var rows = connection.createStatement()
					.executeQuery("select datname from pg_database where datname like 'sbtest\\_%'")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL is not reachable at " + postgresBaseUrl(), ex);
		}
		return names;
	}

	private void sweepStaleDatabases() {
		existingDatabases().stream()
			.filter(TestInfrastructure::isStale)
			.forEach((name) -> quietly(() -> sql("drop database if exists " + name + " with (force)")));
	}

	private void sweepStaleVhosts() {
		Matcher names = Pattern.compile("\"name\":\"(" + PREFIX + "[^\"]+)\"")
			.matcher(management("GET", "/api/vhosts?columns=name", null));
		while (names.find()) {
			String name = names.group(1);
			if (isStale(name)) {
				quietly(() -> management("DELETE", "/api/vhosts/" + encode(name), null));
			}
		}
	}

	private static boolean isStale(String name) {
		Matcher matcher = STAMPED.matcher(name);
		return matcher.matches()
				&& LocalDateTime.parse(matcher.group(1), STAMP).isBefore(LocalDateTime.now().minus(STALE_AFTER));
	}

	private synchronized void removeEverythingCreated() {
		awaitSpringShutdown();
		for (String database : this.databases) {
			quietly(() -> sql("drop database if exists " + database + " with (force)"));
		}
		if (this.vhostCreated) {
			quietly(() -> management("DELETE", "/api/vhosts/" + encode(RUN_ID), null));
		}
	}

	/**
	 * Shutdown hooks run concurrently: the Spring contexts of this JVM close in their own
	 * hook. Dropping the database and the vhost under them broke their connections, and
	 * their listeners kept reconnecting to a vhost that was gone until Surefire killed
	 * the JVM 30 s later; so the contexts close first.
	 */
	private static void awaitSpringShutdown() {
		try {
			// the hooks are started one after the other: give Spring's a moment to appear
			long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
			Thread spring = springShutdownHook();
			while (spring == null && System.nanoTime() < deadline) {
				Thread.sleep(20);
				spring = springShutdownHook();
			}
			if (spring != null) {
				spring.join(SPRING_SHUTDOWN_WAIT.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static @org.jspecify.annotations.Nullable Thread springShutdownHook() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("SpringApplicationShutdownHook"))
			.findFirst()
			.orElse(null);
	}

	private static void quietly(Runnable cleanup) {
		try {
			cleanup.run();
		}
		catch (RuntimeException ex) {
			System.err.println("test infrastructure cleanup: " + ex.getMessage());
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
