package dev.switchboard.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import dev.switchboard.testsupport.TestInfrastructure;

/**
 * One packaged service started as its own process for a benchmark, on this run's vhost
 * and database: its port, its internal token, and its CPU time and resident memory read
 * from {@code /proc}.
 */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String module;

	private final Process process;

	private final int port;

	private final int managementPort;

	private final String token;

	private final Path log;

	private ServiceProcess(String module, Process process, int port, int managementPort, String token, Path log) {
		this.module = module;
		this.process = process;
		this.port = port;
		this.managementPort = managementPort;
		this.token = token;
		this.log = log;
	}

	/**
	 * Starts {@code module}'s jar with the broker and database of this run, plus
	 * {@code environment} (Spring's relaxed binding), and waits until it is ready.
	 */
	static ServiceProcess start(String module, Map<String, String> environment, List<String> jvmOptions)
			throws IOException, InterruptedException {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		Path jar = jar(module);
		int port = ListenPorts.freePort();
		int managementPort = ListenPorts.freePort();
		String token = "bench-" + UUID.randomUUID();
		List<String> command = new java.util.ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		if (hasAotCode(jar)) {
			// as ./switchboard and the images start it: the bean definitions generated at
			// build time
			command.add("-Dspring.aot.enabled=true");
		}
		command.add("-jar");
		command.add(jar.toString());
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", Integer.toString(port));
		env.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
		env.put("SWITCHBOARD_ENCRYPTION_KEY", "KHMg1qDNs6Q2w3zLfLEGq0UKoK6Aqp8kYUiALVsg0VA=");
		env.put("SWITCHBOARD_INTERNAL_TOKEN", token);
		env.put("SPRING_RABBITMQ_HOST", infrastructure.rabbitHost());
		env.put("SPRING_RABBITMQ_PORT", Integer.toString(infrastructure.rabbitPort()));
		env.put("SPRING_RABBITMQ_USERNAME", infrastructure.rabbitUser());
		env.put("SPRING_RABBITMQ_PASSWORD", infrastructure.rabbitPassword());
		env.put("SPRING_RABBITMQ_VIRTUALHOST", infrastructure.vhost());
		env.put("SPRING_DATASOURCE_URL", infrastructure.databaseUrl(module));
		env.put("SPRING_DATASOURCE_USERNAME", infrastructure.postgresUser());
		env.put("SPRING_DATASOURCE_PASSWORD", infrastructure.postgresPassword());
		env.put("LOGGING_LEVEL_DEV_SWITCHBOARD", "WARN");
		env.putAll(environment);
		Path log = Files.createTempFile("bench-" + module, ".log");
		System.out.println(module + " log: " + log);
		Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServiceProcess service = new ServiceProcess(module, process, port, managementPort, token, log);
		service.awaitReady();
		return service;
	}

	/**
	 * The module's packaged jar, or the one {@code -Dbench.jar.<module>} names (to
	 * measure another build of it side by side).
	 */
	private static Path jar(String module) throws IOException {
		String other = System.getProperty("bench.jar." + module, "");
		if (!other.isBlank()) {
			return Path.of(other);
		}
		try (var files = Files.list(Repository.root().resolve(module).resolve("target"))) {
			return files.filter((file) -> file.getFileName().toString().matches(module + "-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("package " + module + " first"));
		}
	}

	/**
	 * Whether the jar's build ran Spring's ahead-of-time processing (an older build named
	 * by {@code -Dbench.jar.<module>} may not have).
	 */
	private static boolean hasAotCode(Path jar) throws IOException {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			return zip.stream().anyMatch((entry) -> entry.getName().endsWith("__ApplicationContextInitializer.class"));
		}
	}

	long pid() {
		return this.process.pid();
	}

	int port() {
		return this.port;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Health and metrics: the management port, never the service's own. */
	String managementUrl() {
		return "http://127.0.0.1:" + this.managementPort;
	}

	/** {@code /actuator/prometheus} of the management port; empty when unreadable. */
	String prometheus() throws IOException, InterruptedException {
		HttpResponse<String> answer = HTTP
			.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		return (answer.statusCode() == 200) ? answer.body() : "";
	}

	boolean alive() {
		return this.process.isAlive();
	}

	/**
	 * Calls the service's own API with its internal token; returns the status and body.
	 */
	HttpResponse<String> call(String method, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("X-Switchboard-Internal-Token", this.token)
			.header("Content-Type", "application/json");
		request = (json != null) ? request.method(method, HttpRequest.BodyPublishers.ofString(json))
				: request.method(method, HttpRequest.BodyPublishers.noBody());
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** User plus system CPU time the process has used so far. */
	Duration cpuTime() throws IOException {
		return ProcessCpu.cpuTime(this.process.pid());
	}

	/** Resident set size in bytes. */
	long residentBytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
			}
		}
		throw new IllegalStateException("no VmRSS for " + this.module);
	}

	Path log() {
		return this.log;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	private void awaitReady() throws InterruptedException {
		for (int attempt = 0; attempt < 480; attempt++) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.module + " exited during start-up, see " + this.log);
			}
			try {
				HttpResponse<Void> answer = HTTP.send(
						HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (answer.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(this.module + " did not become ready, see " + this.log);
	}

	static Map<String, String> env(String... pairs) {
		Map<String, String> env = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			env.put(pairs[i], pairs[i + 1]);
		}
		return env;
	}

}
