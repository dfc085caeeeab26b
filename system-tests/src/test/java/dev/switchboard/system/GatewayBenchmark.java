package dev.switchboard.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.signatures.GithubSignature;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.switchboard.testsupport.TestInfrastructure;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./switchboard bench gateway}: RabbitMQ's own confirmed-publish rate and confirm
 * latency (PerfTest, persistent 2 KB messages, as many confirms in flight as the HTTP
 * load has connections), into a quorum queue as the gateway's queues are and into a
 * classic queue beside it, then the gateway's confirmed ingest of signed 2 KB GitHub
 * deliveries over loopback (the packaged jar on the real broker), on PostgreSQL and on
 * the embedded H2 of the local defaults, at full load and at half that load, with the CPU
 * each process used. Prints figures ({@link BenchmarkFigure}); asserts nothing.
 */
public final class GatewayBenchmark {

	private static final String SECRET = "bench-" + UUID.randomUUID();

	private static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);

	private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 30));

	private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 40));

	/**
	 * Issue 19's starting point as the issue states it, per database: accepted webhooks
	 * per second (measured with a 10 s warm-up, the C2 compiler still at work).
	 */
	private static final Map<String, Double> RATE_BEFORE = Map.of("postgresql", 952.0, "h2", 686.0);

	/**
	 * The build issue 19 was filed against (b64aa70^) measured by this benchmark on the
	 * 2-core machine of 2026-12-05, warm and with wrk's load, per database: accepted/s
	 * and ms of gateway CPU a webhook. The issue's "3x today's on the same machine" and
	 * "a quarter of today's CPU" are measured against these; on another machine, build
	 * that commit's jar and run it with {@code -Dbench.jar.gateway=} to get its own
	 * ({@code -Dbench.filing.postgresql.rate=}, {@code .cpu=}, likewise for h2).
	 */
	private static final Map<String, double[]> FILING_BUILD = Map.of("postgresql", new double[] { 2766, 0.264 }, "h2",
			new double[] { 4214, 0.217 });

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * The load's client: blocking calls on the load's own (virtual) threads, one
	 * kept-alive connection each. The JDK's asynchronous client took 0.19 ms of CPU a
	 * request on this 2-core machine, CPU the gateway, RabbitMQ and PostgreSQL then
	 * lacked.
	 */
	private static final OkHttpClient LOAD = new OkHttpClient.Builder()
		.connectionPool(new ConnectionPool(CONNECTIONS, 5, TimeUnit.MINUTES))
		.connectTimeout(Duration.ofSeconds(5))
		.readTimeout(Duration.ofSeconds(30))
		.retryOnConnectionFailure(false)
		.build();

	private static final MediaType JSON = MediaType.get("application/json");

	/** The first request of the run that was not accepted, printed with the figures. */
	private static final AtomicReference<@Nullable String> FIRST_FAILURE = new AtomicReference<>();

	private GatewayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String vhost = infrastructure.vhost();
		System.out.printf("Benchmark: %d connections, %ss warm-up, %ss measured, persistent 2 KB, vhost %s%n",
				CONNECTIONS, WARMUP.toSeconds(), RUN.toSeconds(), vhost);

		PerfTestResult quorum = perfTest(vhost, true);
		PerfTestResult classic = perfTest(vhost, false);
		System.out.printf("PerfTest, quorum queue: confirmed %.0f msg/s, confirm latency p50 %.2f ms, p99 %.2f ms%n",
				quorum.confirmedPerSecond(), quorum.confirmP50Millis(), quorum.confirmP99Millis());
		System.out.printf("PerfTest, classic queue: confirmed %.0f msg/s, confirm latency p50 %.2f ms, p99 %.2f ms%n",
				classic.confirmedPerSecond(), classic.confirmP50Millis(), classic.confirmP99Millis());
		new BenchmarkFigure("perftest.quorum.rate", quorum.confirmedPerSecond(), "msg/s", "").print();
		new BenchmarkFigure("perftest.classic.rate", classic.confirmedPerSecond(), "msg/s", "").print();

		for (String database : System.getProperty("bench.databases", "postgresql,h2").split(",")) {
			if (!database.isBlank()) {
				gateway(infrastructure, vhost, database.strip(), quorum, classic);
			}
		}
	}

	private static void gateway(TestInfrastructure infrastructure, String vhost, String database, PerfTestResult quorum,
			PerfTestResult classic) throws Exception {
		System.out.println();
		System.out.println("== gateway on " + database);
		Path scratch = Files.createTempDirectory("bench-gateway");
		try (ServiceProcess gateway = ServiceProcess.start("gateway", environment(database, scratch),
				List.of("-Xmx512m", "-XX:+UseSerialGC")); Connection drain = drainOwnerQueue(infrastructure, vhost)) {
			int port = gateway.port();
			boolean wrk = wrkInstalled();
			System.out.println("full load from " + (wrk ? "wrk" : "this JVM (OkHttp; install wrk for a lighter load)"));
			if (wrk) {
				wrk(scratch, port, WARMUP);
			}
			else {
				load(port, WARMUP, 0);
			}
			ProcessCpu machine = new ProcessCpu().pids("gateway", gateway.pid())
				.pids(wrk ? "this JVM (drains the queue)" : "load generator (this JVM)", ProcessHandle.current().pid())
				.command("RabbitMQ", "beam.smp")
				.command("PostgreSQL", "postgres");
			Map<String, Long> before = machine.snapshot();
			long fullStarted = System.nanoTime();
			LoadResult full = wrk ? wrk(scratch, port, RUN) : load(port, RUN, 0);
			double fullSeconds = (System.nanoTime() - fullStarted) / 1e9;
			Map<String, Double> cores = ProcessCpu.coresBetween(before, machine.snapshot(), fullSeconds);
			if (!Double.isNaN(full.generatorCpuSeconds())) {
				cores.put("load generator (wrk)", full.generatorCpuSeconds() / fullSeconds);
			}
			LoadResult half = load(port, RUN, full.acceptedPerSecond() / 2);
			print(quorum, classic, full, half, timers(gateway));
			printCores(cores, full);
			figures(database, 1000 * cores.get("gateway") / full.acceptedPerSecond(), full, half, quorum);
		}
		finally {
			try (var files = Files.walk(scratch)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	/**
	 * The webhook secret, and on H2 the local defaults' embedded file database (under
	 * {@code scratch}); on PostgreSQL the run's database, as {@link ServiceProcess} sets.
	 */
	private static Map<String, String> environment(String database, Path scratch) {
		Map<String, String> environment = new HashMap<>(ServiceProcess.env("GATEWAY_WEBHOOKS_GITHUB_SECRET", SECRET));
		switch (database) {
			case "postgresql" -> {
			}
			case "h2" -> {
				environment.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + scratch.resolve("gateway")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
				environment.put("SPRING_DATASOURCE_USERNAME", "sa");
				environment.put("SPRING_DATASOURCE_PASSWORD", "");
			}
			default -> throw new IllegalArgumentException("bench.databases: postgresql or h2, not " + database);
		}
		return environment;
	}

	private static void figures(String database, double cpuMillis, LoadResult full, LoadResult half,
			PerfTestResult quorum) {
		String prefix = "gateway." + database + ".";
		new BenchmarkFigure(prefix + "cpu-per-webhook", cpuMillis, "ms", "<= 0.25").print();
		new BenchmarkFigure(prefix + "rate", full.acceptedPerSecond(), "/s",
				String.format(Locale.ROOT, ">= %.0f", 3 * RATE_BEFORE.get(database)))
			.print();
		new BenchmarkFigure(prefix + "rate-to-perftest", full.acceptedPerSecond() / quorum.confirmedPerSecond(), "x",
				"")
			.print();
		new BenchmarkFigure(prefix + "half-load-p99", half.p99Millis(), "ms", "<= 20").print();
		double filingRate = Double.parseDouble(System.getProperty("bench.filing." + database + ".rate",
				Double.toString(FILING_BUILD.get(database)[0])));
		double filingCpu = Double.parseDouble(System.getProperty("bench.filing." + database + ".cpu",
				Double.toString(FILING_BUILD.get(database)[1])));
		new BenchmarkFigure(prefix + "rate-vs-filing-build", full.acceptedPerSecond() / filingRate, "x", ">= 3")
			.print();
		new BenchmarkFigure(prefix + "cpu-vs-filing-build", cpuMillis / filingCpu, "x", "<= 0.25").print();
	}

	record PerfTestResult(double confirmedPerSecond, double confirmP50Millis, double confirmP99Millis) {
	}

	/**
	 * One load phase; {@code generatorCpuSeconds} is the CPU an outside load generator
	 * (wrk) used, NaN when the load came from this JVM.
	 */
	record LoadResult(long accepted, long failed, double acceptedPerSecond, double p50Millis, double p99Millis,
			double generatorCpuSeconds) {
	}

	private static PerfTestResult perfTest(String vhost, boolean quorumQueue) throws IOException, InterruptedException {
		String uri = "amqp://" + TestInfrastructure.get().rabbitUser() + ":" + TestInfrastructure.get().rabbitPassword()
				+ "@" + TestInfrastructure.get().rabbitHost() + ":" + TestInfrastructure.get().rabbitPort() + "/"
				+ URLEncoder.encode(vhost, StandardCharsets.UTF_8);
		List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
				"com.rabbitmq.perf.PerfTest", "--uri", uri, "--producers", "1", "--consumers", "1", "--size", "2048",
				"--flag", "persistent", "--confirm", Integer.toString(CONNECTIONS), "--time",
				Long.toString(WARMUP.toSeconds() + RUN.toSeconds())));
		if (quorumQueue) {
			// quorum queues are durable, never auto-deleted: the run's vhost goes with it
			command.addAll(List.of("--queue", "bench-perf-test-quorum", "--quorum-queue"));
		}
		else {
			command.addAll(List.of("--queue", "bench-perf-test", "--auto-delete", "true"));
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		// per-second lines: "time 2.001 s, sent: ..., confirmed: 6623 msg/s, ..., confirm
		// latency:
		// 477/1530/1972/4559/7032 µs" (min/median/75th/95th/99th)
		Pattern line = Pattern.compile("time ([0-9.]+) s.*confirmed: ([0-9]+) msg/s.*confirm latency: "
				+ "([0-9]+)/([0-9]+)/([0-9]+)/([0-9]+)/([0-9]+) (\\S+)");
		List<double[]> seconds = new ArrayList<>();
		for (String text : output.split("\n")) {
			Matcher matcher = line.matcher(text);
			if (matcher.find() && Double.parseDouble(matcher.group(1)) > WARMUP.toSeconds()) {
				double unit = matcher.group(8).startsWith("ms") ? 1 : 0.001;
				seconds.add(new double[] { Double.parseDouble(matcher.group(2)),
						Double.parseDouble(matcher.group(4)) * unit, Double.parseDouble(matcher.group(7)) * unit });
			}
		}
		if (seconds.isEmpty()) {
			throw new IllegalStateException("could not read PerfTest's output:\n" + output);
		}
		return new PerfTestResult(seconds.stream().mapToDouble((s) -> s[0]).average().orElse(0),
				median(seconds.stream().mapToDouble((s) -> s[1]).toArray()),
				median(seconds.stream().mapToDouble((s) -> s[2]).toArray()));
	}

	/** Keeps the owner's queue empty, as PerfTest's own consumer does for its queue. */
	private static Connection drainOwnerQueue(TestInfrastructure infrastructure, String vhost) throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(infrastructure.rabbitHost());
		factory.setPort(infrastructure.rabbitPort());
		factory.setUsername(infrastructure.rabbitUser());
		factory.setPassword(infrastructure.rabbitPassword());
		factory.setVirtualHost(vhost);
		Connection connection = factory.newConnection("bench-drain");
		Channel channel = connection.createChannel();
		for (int attempt = 0; attempt < 120; attempt++) {
			try {
				Channel probe = connection.createChannel();
				probe.queueDeclarePassive("webhooks.inbound.issue-sync-service");
				probe.close();
				break;
			}
			catch (IOException ex) {
				Thread.sleep(500);
			}
		}
		channel.basicQos(500);
		channel.basicConsume("webhooks.inbound.issue-sync-service", true, (tag, delivery) -> {
		}, (tag) -> {
		});
		return connection;
	}

	/**
	 * Closed loop ({@code ratePerSecond} 0: each connection sends as soon as its last
	 * answer came) or open loop at a fixed rate spread over the connections.
	 */
	private static LoadResult load(int port, Duration duration, double ratePerSecond) throws Exception {
		byte[] body = payload();
		String signature = sign(body);
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicLong accepted = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		long intervalNanos = (ratePerSecond > 0) ? (long) (1e9 * CONNECTIONS / ratePerSecond) : 0;
		long started = System.nanoTime();
		try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int connection = 0; connection < CONNECTIONS; connection++) {
				long offset = (intervalNanos > 0) ? intervalNanos * connection / CONNECTIONS : 0;
				workers.submit(() -> {
					long next = System.nanoTime() + offset;
					while (System.nanoTime() < end) {
						if (intervalNanos > 0) {
							long wait = next - System.nanoTime();
							if (wait > 0) {
								Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
							}
							next += intervalNanos;
						}
						long sent = System.nanoTime();
						int status = post(port, body, signature);
						latencies.add(System.nanoTime() - sent);
						(status == 202 ? accepted : failed).incrementAndGet();
					}
					return null;
				});
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		return new LoadResult(accepted.get(), failed.get(), accepted.get() / seconds, percentile(sorted, 50),
				percentile(sorted, 99), Double.NaN);
	}

	/**
	 * Closed-loop load from wrk, when it is installed: the same requests as
	 * {@link #load}, {@link #CONNECTIONS} kept-alive connections on two threads, for a
	 * fraction of the CPU (0.14 ms a request from OkHttp here is CPU the gateway,
	 * RabbitMQ and PostgreSQL then lack). Its CPU time is read from the shell that waited
	 * for it.
	 */
	private static LoadResult wrk(Path scratch, int port, Duration duration) throws IOException, InterruptedException {
		Path body = scratch.resolve("body.json");
		Files.write(body, payload());
		Path script = scratch.resolve("github-deliveries.lua");
		try (var resource = GatewayBenchmark.class.getResourceAsStream("/bench/github-deliveries.lua")) {
			Files.write(script, Objects.requireNonNull(resource, "bench/github-deliveries.lua").readAllBytes());
		}
		String run = UUID.randomUUID().toString().substring(24);
		Process process = new ProcessBuilder("sh", "-c", "wrk \"$@\"; status=$?; times; exit $status", "wrk", "-t2",
				"-c" + CONNECTIONS, "-d" + duration.toSeconds() + "s", "--timeout", "30s", "-s", script.toString(),
				"http://127.0.0.1:" + port + "/webhooks/github", "--", body.toString(), sign(payload()), run)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("wrk failed:\n" + output);
		}
		Matcher result = Pattern
			.compile("wrk-result accepted=(\\d+) failed=(\\d+) seconds=([0-9.]+) p50=([0-9.]+) p99=([0-9.]+) "
					+ "first=(.*)")
			.matcher(output);
		// times: the shell's own user and system time, then its children's (wrk's)
		Matcher children = Pattern.compile("(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*$").matcher(output.strip());
		if (!result.find() || !children.find()) {
			throw new IllegalStateException("could not read wrk's output:\n" + output);
		}
		if (!result.group(6).isBlank()) {
			FIRST_FAILURE.compareAndSet(null, result.group(6).strip());
		}
		long accepted = Long.parseLong(result.group(1));
		double cpu = 60 * Double.parseDouble(children.group(1)) + Double.parseDouble(children.group(2))
				+ 60 * Double.parseDouble(children.group(3)) + Double.parseDouble(children.group(4));
		return new LoadResult(accepted, Long.parseLong(result.group(2)), accepted / Double.parseDouble(result.group(3)),
				Double.parseDouble(result.group(4)), Double.parseDouble(result.group(5)), cpu);
	}

	/** wrk on the path, unless {@code -Dbench.load=okhttp} asks for the in-JVM load. */
	private static boolean wrkInstalled() {
		if ("okhttp".equals(System.getProperty("bench.load"))) {
			return false;
		}
		try {
			// wrk --version exits 1 after printing its version: that it starts is the
			// answer
			new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while looking for wrk", ex);
		}
	}

	private static int post(int port, byte[] body, String signature) {
		Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/webhooks/github")
			.header("X-GitHub-Event", "issues")
			.header("X-GitHub-Delivery", UUID.randomUUID().toString())
			.header("X-Hub-Signature-256", signature)
			.post(RequestBody.create(body, JSON))
			.build();
		try (Response response = LOAD.newCall(request).execute()) {
			String answer = response.body().string();
			if (response.code() != 202) {
				FIRST_FAILURE.compareAndSet(null, response.code() + " " + answer);
			}
			return response.code();
		}
		catch (IOException ex) {
			FIRST_FAILURE.compareAndSet(null, ex.toString());
			return -1;
		}
	}

	/**
	 * The gateway's own timers: average milliseconds per webhook of each step on its
	 * path.
	 */
	private static Map<String, Double> timers(ServiceProcess gateway) throws IOException, InterruptedException {
		String metrics = gateway.prometheus();
		return Map.of("request", average(metrics, "switchboard_webhooks_request_seconds", ""), "lookup",
				average(metrics, "switchboard_delivery_log_lookup_seconds", ""), "publish",
				average(metrics, "switchboard_publish_confirm_seconds", ""), "write",
				average(metrics, "switchboard_delivery_log_write_seconds", ""), "group",
				average(metrics, "switchboard_delivery_log_group_rows", "") / 1000);
	}

	private static double average(String metrics, String name, String labelFilter) {
		double sum = 0;
		double count = 0;
		for (String line : metrics.split("\n")) {
			if (line.startsWith(name + "_sum") && line.contains(labelFilter)) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
			if (line.startsWith(name + "_count") && line.contains(labelFilter)) {
				count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return (count == 0) ? Double.NaN : 1000 * sum / count;
	}

	private static void print(PerfTestResult quorum, PerfTestResult classic, LoadResult full, LoadResult half,
			Map<String, Double> timers) {
		double rateRatio = full.acceptedPerSecond() / quorum.confirmedPerSecond();
		double latencyRatio = half.p99Millis() / quorum.confirmP99Millis();
		System.out.println("                                   rate/s     p50 ms     p99 ms");
		System.out.printf("PerfTest, quorum queue         %10.0f %10.2f %10.2f%n", quorum.confirmedPerSecond(),
				quorum.confirmP50Millis(), quorum.confirmP99Millis());
		System.out.printf("PerfTest, classic queue        %10.0f %10.2f %10.2f%n", classic.confirmedPerSecond(),
				classic.confirmP50Millis(), classic.confirmP99Millis());
		System.out.printf("gateway, full load (202s)      %10.0f %10.2f %10.2f   (%d accepted, %d failed)%n",
				full.acceptedPerSecond(), full.p50Millis(), full.p99Millis(), full.accepted(), full.failed());
		System.out.printf("gateway, half load (202s)      %10.0f %10.2f %10.2f   (%d accepted, %d failed)%n",
				half.acceptedPerSecond(), half.p50Millis(), half.p99Millis(), half.accepted(), half.failed());
		String firstFailure = FIRST_FAILURE.getAndSet(null);
		if (firstFailure != null) {
			System.out.println("first request not accepted: " + firstFailure);
		}
		System.out.println();
		System.out.printf("ingest rate / PerfTest (quorum) rate  = %.2f%n", rateRatio);
		System.out.printf("half-load p99 / PerfTest (quorum) p99 = %.1f (half-load p99 target <= 20 ms: %s)%n",
				latencyRatio, half.p99Millis() <= 20 ? "met" : "NOT met");
		double request = timers.get("request");
		System.out.printf(
				"per webhook inside the gateway (avg ms): request %.2f = log lookup %.2f + publish/confirm "
						+ "%.2f + log write %.2f + the rest %.2f%n",
				request, timers.get("lookup"), timers.get("publish"), timers.get("write"),
				request - timers.get("lookup") - timers.get("publish") - timers.get("write"));
		System.out.printf("delivery-log share of the request time: %.0f%%; rows per group commit: %.1f%n",
				100 * (timers.get("lookup") + timers.get("write")) / request, timers.get("group"));
	}

	private static void printCores(Map<String, Double> cores, LoadResult full) {
		System.out.println();
		System.out.printf("CPU at full load, in cores (this machine has %d):%n",
				Runtime.getRuntime().availableProcessors());
		cores.forEach((group, used) -> System.out.printf("  %-28s %5.2f%n", group, used));
		System.out.printf("  %-28s %5.2f%n", "all of them",
				cores.values().stream().mapToDouble(Double::doubleValue).sum());
		System.out.printf("gateway CPU per accepted webhook: %.3f ms (target <= 0.25)%n",
				1000 * cores.get("gateway") / full.acceptedPerSecond());
	}

	private static byte[] payload() {
		StringBuilder json = new StringBuilder("{\"action\":\"closed\",\"issue\":{\"id\":1,\"number\":42,\"state\":"
				+ "\"closed\",\"state_reason\":\"completed\",\"title\":\"Bench\",\"body\":\"");
		while (json.length() < 2030) {
			json.append('x');
		}
		return json.append("\"}}").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String sign(byte[] body) {
		return GithubSignature.sign(SECRET, body);
	}

	private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static double percentile(long[] sortedNanos, int percentile) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(percentile / 100.0 * sortedNanos.length) - 1);
		return sortedNanos[Math.max(0, index)] / 1e6;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
