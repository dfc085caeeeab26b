package dev.switchboard.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The five packaged services as {@code ./switchboard run} starts them (own port offset,
 * vhost and PostgreSQL databases), and what the chaos suite does to them: {@code kill -9}
 * of one service, then a restart of that one service with the command line and
 * environment the launcher gave it (read from {@code /proc} before the kill), its pid
 * written back to the launcher's pid file so that {@code ./switchboard stop} stops it;
 * and a second instance of each, which the suite stops itself.
 */
final class ChaosServices implements AutoCloseable {

	static final List<String> SERVICES = List.of("gateway", "issue-sync-service", "statuspage-feed-service",
			"crm-bridge-service", "remote-session-service");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	/** A second instance, started by the suite itself. */
	private record Instance(Process process, int port, int managementPort) {
	}

	private final int offset;

	private final Path state;

	private final Map<String, Instance> second = new java.util.LinkedHashMap<>();

	private ChaosServices(int offset) {
		this.offset = offset;
		this.state = Repository.root().resolve(".switchboard").resolve("offset-" + offset);
	}

	/** {@code ./switchboard run} with this environment; fails when the launcher does. */
	static ChaosServices start(int offset, String vhost, String dbPrefix, Map<String, String> environment)
			throws IOException, InterruptedException {
		ChaosServices services = new ChaosServices(offset);
		String output = launcher(environment, "run", "--port-offset", Integer.toString(offset), "--vhost", vhost,
				"--db-prefix", dbPrefix, "--postgres", "jdbc:postgresql://127.0.0.1:5432/", "--no-build");
		System.out.println(output);
		return services;
	}

	int port(String service) {
		return 8080 + SERVICES.indexOf(service) + this.offset;
	}

	long pid(String service) throws IOException {
		return Long.parseLong(Files.readString(this.state.resolve(service + ".pid")).trim());
	}

	/**
	 * {@code kill -9} of the service, then the same command with the same environment,
	 * and waits until it is ready again.
	 * @return how long the service was away (kill to ready)
	 */
	Duration killAndRestart(String service, Duration down) throws Exception {
		long pid = pid(service);
		Path proc = Path.of("/proc", Long.toString(pid));
		List<String> command = split(Files.readAllBytes(proc.resolve("cmdline")));
		Map<String, String> environment = environment(proc);
		long killedAt = System.nanoTime();
		ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
		handle.destroyForcibly();
		handle.onExit().get(30, TimeUnit.SECONDS);
		Thread.sleep(down.toMillis());
		ProcessBuilder builder = new ProcessBuilder(command).directory(Repository.root().toFile());
		builder.environment().clear();
		builder.environment().putAll(environment);
		Path log = this.state.resolve("logs").resolve(service + ".log");
		Files.writeString(log, "\n==== chaos: kill -9 and restart ====\n", java.nio.file.StandardOpenOption.APPEND);
		Process process = builder.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		Files.writeString(this.state.resolve(service + ".pid"), process.pid() + "\n");
		awaitReady(service, process, port(service) + 1000, Duration.ofMinutes(4));
		return Duration.ofNanos(System.nanoTime() - killedAt);
	}

	/**
	 * A second instance of every service against the same vhost and databases, as a
	 * platform team scales out: the launcher's command and environment with its own
	 * server and management ports (the gateway's public URL stays the first one's, as
	 * behind a load balancer). Started together, then waited for.
	 */
	void startSecondInstances() throws Exception {
		List<Process> started = new ArrayList<>();
		for (String service : SERVICES) {
			Path proc = Path.of("/proc", Long.toString(pid(service)));
			List<String> command = split(Files.readAllBytes(proc.resolve("cmdline")));
			Map<String, String> environment = environment(proc);
			int port = ListenPorts.freePort();
			int management = ListenPorts.freePort();
			environment.put("SERVER_PORT", Integer.toString(port));
			environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(management));
			ProcessBuilder builder = new ProcessBuilder(command).directory(Repository.root().toFile());
			builder.environment().clear();
			builder.environment().putAll(environment);
			Process process = builder.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logs().resolve(service + "-2.log").toFile()))
				.start();
			this.second.put(service, new Instance(process, port, management));
			started.add(process);
		}
		for (String service : SERVICES) {
			Instance instance = this.second.get(service);
			awaitReady(service + " (second instance)", instance.process(), instance.managementPort(),
					Duration.ofMinutes(5));
		}
	}

	/** The gateway instances' base URLs, the launcher's first. */
	List<String> gateways() {
		List<String> urls = new ArrayList<>(List.of("http://localhost:" + port("gateway")));
		Instance second = this.second.get("gateway");
		if (second != null) {
			urls.add("http://localhost:" + second.port());
		}
		return urls;
	}

	int instances() {
		return this.second.isEmpty() ? 1 : 2;
	}

	private static Map<String, String> environment(Path proc) throws IOException {
		Map<String, String> environment = new HashMap<>();
		for (String entry : split(Files.readAllBytes(proc.resolve("environ")))) {
			int equals = entry.indexOf('=');
			if (equals > 0) {
				environment.put(entry.substring(0, equals), entry.substring(equals + 1));
			}
		}
		return environment;
	}

	private void awaitReady(String service, Process process, int managementPort, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(service + " exited after its start, see its log in " + logs());
			}
			if (ready(managementPort)) {
				return;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(service + " not ready " + timeout.toSeconds() + " s after its start");
	}

	private boolean ready(int managementPort) {
		try {
			HttpResponse<Void> answer = HTTP.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.discarding());
			return answer.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	Path logs() {
		return this.state.resolve("logs");
	}

	@Override
	public void close() throws IOException, InterruptedException {
		for (Instance instance : this.second.values()) {
			instance.process().destroy();
		}
		for (Instance instance : this.second.values()) {
			if (!instance.process().waitFor(30, TimeUnit.SECONDS)) {
				instance.process().destroyForcibly();
			}
		}
		System.out.println(launcher(Map.of(), "stop", "--port-offset", Integer.toString(this.offset)));
	}

	private static List<String> split(byte[] nulSeparated) {
		List<String> parts = new ArrayList<>(
				Arrays.asList(new String(nulSeparated, StandardCharsets.UTF_8).split("\u0000")));
		parts.removeIf(String::isEmpty);
		return parts;
	}

	private static String launcher(Map<String, String> environment, String... arguments)
			throws IOException, InterruptedException {
		Path output = Files.createTempFile("switchboard-chaos", ".log");
		ProcessBuilder builder = new ProcessBuilder();
		builder.command().add(Repository.root().resolve("switchboard").toString());
		builder.command().addAll(List.of(arguments));
		builder.environment().putAll(environment);
		Process process = builder.directory(Repository.root().toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		if (!process.waitFor(6, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(
					"./switchboard " + String.join(" ", arguments) + " did not finish: " + Files.readString(output));
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"./switchboard " + String.join(" ", arguments) + " failed: " + Files.readString(output));
		}
		return Files.readString(output);
	}

}
