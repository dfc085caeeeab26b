package dev.switchboard.system;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./switchboard bench polling} (issue 6): the packaged statuspage-feed-service
 * polling {@code bench.feeds} Statuspage-style Atom feeds (default 1,000, one webhook
 * subscription each, each to its own sink URL) every {@code bench.interval} seconds
 * (default 10, jitter 1 s) for {@code bench.cycles} measured cycles (default 6), with 5%
 * of the feeds changing at the start of each cycle. Measures the share of polls answered
 * 304 (overall, and among polls of a feed that had not changed since the service last
 * read it, where anything but 304 is a conditional GET not working), how regularly each
 * feed is polled (gaps between two polls of a feed, feeds polled twice or not at all in a
 * cycle), whether every changed update reached the webhook sink once and how long after
 * the change, and the service's CPU (CPU seconds / wall seconds) and memory (RSS from
 * {@code /proc}, heap used from {@code /actuator/prometheus}) while doing it. The feeds'
 * history is older than the service's first-run window, so the warm-up (every feed read
 * once) posts nothing. Prints figures; asserts nothing.
 */
public final class FeedPollingBenchmark {

	private static final int FEEDS = Integer.getInteger("bench.feeds", 1000);

	private static final Duration INTERVAL = Duration.ofSeconds(Integer.getInteger("bench.interval", 10));

	private static final int CYCLES = Integer.getInteger("bench.cycles", 6);

	private static final double CHANGING = 0.05;

	private static final Duration JITTER = Duration.ofSeconds(1);

	/** As {@code ./switchboard run} starts a service (SWITCHBOARD_JAVA_OPTS). */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx160m", "-Xss512k", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

	private static final int PARALLEL_SUBSCRIBERS = 4;

	private static final double MB = 1024 * 1024;

	private FeedPollingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long started = System.nanoTime();
		int changesPerCycle = (int) Math.round(FEEDS * CHANGING);
		System.out.printf(
				"Benchmark: %d feeds, poll interval %ss + jitter up to %ss, %d measured cycles, "
						+ "%d feeds (%.0f%%) changing per cycle, service %s%n",
				FEEDS, INTERVAL.toSeconds(), JITTER.toSeconds(), CYCLES, changesPerCycle, 100 * CHANGING,
				String.join(" ", JVM_OPTIONS));
		try (FakeStatusPages pages = FakeStatusPages.start(FEEDS, Instant.now());
				ServiceProcess service = ServiceProcess.start("statuspage-feed-service",
						ServiceProcess.env("STATUSPAGEFEED_ALLOWPRIVATEADDRESSES", "true",
								"STATUSPAGEFEED_ALLOWINSECURETARGETS", "true", "STATUSPAGEFEED_POLLINTERVAL",
								INTERVAL.toSeconds() + "s", "STATUSPAGEFEED_POLLJITTER", JITTER.toSeconds() + "s"),
						JVM_OPTIONS)) {
			Memory memory = new Memory(service.residentBytes());
			System.out.printf("Service ready after %.0f s, RSS %.0f MB%n", seconds(System.nanoTime() - started),
					memory.atStart / MB);
			subscribe(service, pages);
			long warmUpSinkPosts = warmUp(pages);
			List<Cycle> cycles = measure(service, pages, changesPerCycle, memory);
			Duration silence = pages.longestSilence();
			Duration drained = drain(pages);
			print(cycles, silence, memory, warmUpSinkPosts, pages.deliveries(), drained, prometheus(service));
		}
		System.out.printf("%nBenchmark took %.0f s%n", seconds(System.nanoTime() - started));
	}

	/** One measured cycle: what the fake pages saw, and what the service used. */
	record Cycle(int number, int changed, FakeStatusPages.Counts counts, List<Duration> pollGaps, Duration cpu,
			Duration wall, long rss, double heapUsed) {

		double cpuShare() {
			return (double) this.cpu.toNanos() / this.wall.toNanos();
		}

	}

	/** RSS at start, before measuring, its maximum sampled each second, at the end. */
	static final class Memory {

		final long atStart;

		long beforeCycles;

		final AtomicLong max = new AtomicLong();

		long atEnd;

		Memory(long atStart) {
			this.atStart = atStart;
		}

	}

	private static void subscribe(ServiceProcess service, FakeStatusPages pages) throws Exception {
		long started = System.nanoTime();
		SecureRandom random = new SecureRandom();
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try (ExecutorService subscribers = Executors.newFixedThreadPool(PARALLEL_SUBSCRIBERS)) {
			for (int feed = 0; feed < pages.feeds(); feed++) {
				byte[] key = new byte[24];
				random.nextBytes(key);
				String body = """
						{"name": "bench feed %d", "source": {"type": "feed", "url": "%s"},
						 "channel": {"type": "webhook", "url": "%s", "secret": "whsec_%s"}}""".formatted(feed,
						pages.feedUrl(feed), pages.sinkUrl(feed), Base64.getEncoder().encodeToString(key));
				answers.add(subscribers.submit(() -> service.call("POST", "/api/subscriptions", body)));
			}
		}
		for (Future<HttpResponse<String>> answer : answers) {
			if (answer.get().statusCode() != 201) {
				throw new IllegalStateException("subscription refused: " + answer.get().statusCode() + " "
						+ answer.get().body() + " (service log " + service.log() + ")");
			}
		}
		double seconds = seconds(System.nanoTime() - started);
		System.out.printf("%d subscriptions created in %.1f s (%.0f/s, %d at a time)%n", answers.size(), seconds,
				answers.size() / seconds, PARALLEL_SUBSCRIBERS);
	}

	/**
	 * Waits until every feed has been read once.
	 * @return the sink's POSTs meanwhile (history older than the first-run window: 0)
	 */
	private static long warmUp(FakeStatusPages pages) throws InterruptedException {
		long started = System.nanoTime();
		long deadline = started + Duration.ofMinutes(10).toNanos();
		long lastReport = started;
		while (pages.feedsReadOnce() < pages.feeds()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("warm-up: only " + pages.feedsReadOnce() + " of " + pages.feeds()
						+ " feeds read in 10 minutes");
			}
			if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
				System.out.printf("  warm-up: %d of %d feeds read once%n", pages.feedsReadOnce(), pages.feeds());
				lastReport = System.nanoTime();
			}
			Thread.sleep(200);
		}
		FakeStatusPages.Counts counts = pages.counts();
		System.out.printf("Warm-up: every feed read once after %.1f s (%d polls, %d answered 304, %d sink POSTs)%n",
				seconds(System.nanoTime() - started), counts.polls(), counts.notModified(), counts.sinkPosts());
		pages.drainPollGaps();
		return counts.sinkPosts();
	}

	private static List<Cycle> measure(ServiceProcess service, FakeStatusPages pages, int changesPerCycle,
			Memory memory) throws Exception {
		Random random = new Random(6);
		List<Cycle> cycles = new ArrayList<>();
		memory.beforeCycles = service.residentBytes();
		memory.max.set(memory.beforeCycles);
		try (ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor()) {
			sampler.scheduleAtFixedRate(() -> sampleRss(service, memory), 1, 1, TimeUnit.SECONDS);
			FakeStatusPages.Counts before = pages.counts();
			Duration cpuBefore = service.cpuTime();
			long cycleStart = System.nanoTime();
			for (int number = 1; number <= CYCLES; number++) {
				int changed = pages.changeRandomFeeds(changesPerCycle, random, Instant.now()).size();
				long end = cycleStart + INTERVAL.toNanos();
				Thread.sleep(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
				FakeStatusPages.Counts after = pages.counts();
				Duration cpuAfter = service.cpuTime();
				long now = System.nanoTime();
				cycles.add(new Cycle(number, changed, after.since(before), pages.drainPollGaps(),
						cpuAfter.minus(cpuBefore), Duration.ofNanos(now - cycleStart), service.residentBytes(),
						heapUsed(service)));
				before = after;
				cpuBefore = cpuAfter;
				cycleStart = now;
			}
		}
		memory.atEnd = service.residentBytes();
		return cycles;
	}

	private static void sampleRss(ServiceProcess service, Memory memory) {
		try {
			long rss = service.residentBytes();
			memory.max.accumulateAndGet(rss, Math::max);
		}
		catch (IOException | RuntimeException ex) {
			// the process is going away: keep the maximum seen
		}
	}

	/** Waits for the last cycles' changes to reach the sink (outside the measurement). */
	private static Duration drain(FakeStatusPages pages) throws InterruptedException {
		long started = System.nanoTime();
		long deadline = started + INTERVAL.multipliedBy(2).plusSeconds(30).toNanos();
		while (!pages.allChangesDelivered() && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private static String prometheus(ServiceProcess service) throws IOException, InterruptedException {
		return service.prometheus();
	}

	/** Heap used in MB, from the service's Prometheus endpoint (NaN when unreadable). */
	private static double heapUsed(ServiceProcess service) throws InterruptedException {
		try {
			return sum(prometheus(service), "jvm_memory_used_bytes{", "area=\"heap\"") / MB;
		}
		catch (IOException ex) {
			return Double.NaN;
		}
	}

	private static double sum(String metrics, String prefix, String labelFilter) {
		double sum = Double.NaN;
		for (String line : metrics.split("\n")) {
			if (line.startsWith(prefix) && line.contains(labelFilter)) {
				double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				sum = Double.isNaN(sum) ? value : sum + value;
			}
		}
		return sum;
	}

	private static void print(List<Cycle> cycles, Duration silence, Memory memory, long warmUpSinkPosts,
			FakeStatusPages.Deliveries deliveries, Duration drained, String metrics) {
		printCycles(cycles);
		int[] perFeed = new int[FEEDS];
		cycles.forEach((cycle) -> Arrays.setAll(perFeed, (n) -> perFeed[n] + cycle.counts().pollsPerFeed()[n]));
		Arrays.sort(perFeed);
		System.out.printf(
				"%nPolls per feed over the %d cycles: min %d, median %d, max %d; longest any feed had gone "
						+ "unpolled at the end: %.1f s%n",
				cycles.size(), perFeed[0], perFeed[FEEDS / 2], perFeed[FEEDS - 1], silence.toMillis() / 1000.0);
		Duration cpu = cycles.stream().map(Cycle::cpu).reduce(Duration.ZERO, Duration::plus);
		Duration wall = cycles.stream().map(Cycle::wall).reduce(Duration.ZERO, Duration::plus);
		double share = (double) cpu.toNanos() / wall.toNanos();
		int cores = Runtime.getRuntime().availableProcessors();
		System.out.printf(
				"%nService CPU over the %d measured cycles: %.1f s in %.1f s = %.1f%% of one core, "
						+ "%.1f%% of this machine's %d cores%n",
				cycles.size(), cpu.toMillis() / 1000.0, wall.toMillis() / 1000.0, 100 * share, 100 * share / cores,
				cores);
		new BenchmarkFigure("polling.cpu-share", 100 * share, "% of a core", "").print();
		double maxHeap = cycles.stream().mapToDouble(Cycle::heapUsed).max().orElse(Double.NaN);
		System.out.printf(
				"Service RSS: %.0f MB when ready, %.0f MB before the cycles, max %.0f MB (sampled "
						+ "each second), %.0f MB at the end; heap used at cycle ends max %.0f MB (-Xmx160m)%n",
				memory.atStart / MB, memory.beforeCycles / MB, memory.max.get() / MB, memory.atEnd / MB, maxHeap);
		new BenchmarkFigure("polling.rss-max", memory.max.get() / MB, "MB", "").print();
		long polls = cycles.stream().mapToLong((cycle) -> cycle.counts().polls()).sum();
		long notModified = cycles.stream().mapToLong((cycle) -> cycle.counts().notModified()).sum();
		long changedReads = cycles.stream().mapToLong((cycle) -> cycle.counts().changed()).sum();
		new BenchmarkFigure("polling.304-share-unchanged", percent(notModified, polls - changedReads), "%", "").print();
		System.out.printf("Service's own count of fetches since start: %.0f fetched, %.0f not modified, %.0f failed%n",
				orZero(sum(metrics, "switchboard_feed_fetches_total{", "outcome=\"fetched\"")),
				orZero(sum(metrics, "switchboard_feed_fetches_total{", "outcome=\"not-modified\"")),
				orZero(sum(metrics, "switchboard_feed_fetches_total{", "outcome=\"failed\"")));
		printDeliveries(deliveries, warmUpSinkPosts, drained);
	}

	private static void printCycles(List<Cycle> cycles) {
		System.out.println();
		System.out.println("cycle changed  polls    304  200 chg  200 other  304 share  304 share   polled  not     "
				+ "gap p50  gap max  sink   CPU %   RSS  heap");
		System.out.println("                                                             unchanged  2+      polled  "
				+ "s        s        POSTs  1 core  MB    MB");
		for (Cycle cycle : cycles) {
			row(Integer.toString(cycle.number()), cycle.changed(), List.of(cycle.counts()), cycle.pollGaps(),
					cycle.cpuShare(), cycle.rss() / MB, cycle.heapUsed());
		}
		Duration cpu = cycles.stream().map(Cycle::cpu).reduce(Duration.ZERO, Duration::plus);
		Duration wall = cycles.stream().map(Cycle::wall).reduce(Duration.ZERO, Duration::plus);
		row("all", cycles.stream().mapToInt(Cycle::changed).sum(), cycles.stream().map(Cycle::counts).toList(),
				cycles.stream().flatMap((cycle) -> cycle.pollGaps().stream()).sorted().toList(),
				(double) cpu.toNanos() / wall.toNanos(), cycles.stream().mapToLong(Cycle::rss).max().orElse(0) / MB,
				cycles.stream().mapToDouble(Cycle::heapUsed).max().orElse(Double.NaN));
		// due after interval + jitter/2 on average, found by the next 1 s tick
		double onTime = INTERVAL.plus(JITTER.dividedBy(2)).toMillis() / 1000.0 + 0.5;
		System.out.printf("""
				"304 share unchanged": 304s among polls of a feed that had not changed since the service last read it
				  (anything else there is a conditional GET not working). "200 chg": read because it changed;
				  "200 other": read without validators this feed gave out.
				A feed falls due %.1f-%.1f s after its last poll and the poller ticks every second: a gap of about
				  %.1f s is on time, and a %d s cycle sees about %.0f%% of the feeds on average, more or fewer as the
				  schedules' phase moves (every feed was first read in the seconds it took to subscribe); "not polled"
				  sums feed-cycles in "all". "polled 2+" would be a feed polled early or twice.
				""", INTERVAL.toMillis() / 1000.0, INTERVAL.plus(JITTER).toMillis() / 1000.0, onTime,
				INTERVAL.toSeconds(), 100 * INTERVAL.toSeconds() / onTime);
	}

	private static void row(String label, int changed, List<FakeStatusPages.Counts> counts, List<Duration> gaps,
			double cpuShare, double rssMb, double heapMb) {
		long polls = counts.stream().mapToLong(FakeStatusPages.Counts::polls).sum();
		long notModified = counts.stream().mapToLong(FakeStatusPages.Counts::notModified).sum();
		long changedReads = counts.stream().mapToLong(FakeStatusPages.Counts::changed).sum();
		long otherReads = counts.stream().mapToLong(FakeStatusPages.Counts::unconditional).sum();
		System.out.printf("%-5s %7d %6d %6d %8d %10d %9.1f%% %9.1f%% %7d %7d %8.1f %8.1f %6d %6.1f%% %5.0f %5.0f%n",
				label, changed, polls, notModified, changedReads, otherReads, percent(notModified, polls),
				percent(notModified, polls - changedReads),
				counts.stream().mapToLong(FakeStatusPages.Counts::feedsPolledMoreThanOnce).sum(),
				counts.stream().mapToLong(FakeStatusPages.Counts::feedsNotPolled).sum(), percentile(gaps, 50),
				percentile(gaps, 100), counts.stream().mapToLong(FakeStatusPages.Counts::sinkPosts).sum(),
				100 * cpuShare, rssMb, heapMb);
	}

	private static void printDeliveries(FakeStatusPages.Deliveries deliveries, long warmUpSinkPosts, Duration drained) {
		System.out.printf(
				"%nChanged updates at the sink (one webhook subscription per feed): %d expected, %d "
						+ "arrived, %d missing, %d arrived more than once, %d POSTs of other updates%n",
				deliveries.expected(), deliveries.delivered(), deliveries.missing().size(), deliveries.duplicates(),
				deliveries.unexpected());
		System.out.printf(
				"Change to sink: p50 %.1f s, p95 %.1f s, max %.1f s; waited %.1f s after the last "
						+ "cycle for the last changes; warm-up posted %d (history older than the first-run window)%n",
				percentile(deliveries.delays(), 50), percentile(deliveries.delays(), 95),
				percentile(deliveries.delays(), 100), drained.toMillis() / 1000.0, warmUpSinkPosts);
		if (!deliveries.missing().isEmpty()) {
			System.out.println("Missing (incident|status|minute), first 10: "
					+ deliveries.missing().subList(0, Math.min(10, deliveries.missing().size())));
		}
	}

	private static double percent(long part, long whole) {
		return (whole == 0) ? Double.NaN : 100.0 * part / whole;
	}

	/** Of a sorted list, in seconds. */
	private static double percentile(List<Duration> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.clamp(index, 0, sorted.size() - 1)).toMillis() / 1000.0;
	}

	private static double orZero(double value) {
		return Double.isNaN(value) ? 0 : value;
	}

	static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
