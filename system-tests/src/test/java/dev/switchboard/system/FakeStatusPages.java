package dev.switchboard.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The remote side of {@link FeedPollingBenchmark}: {@code n} Statuspage-style Atom feeds
 * at {@code /feeds/<n>/history.atom} (one entry per incident, the update trail newest
 * first, as in {@code cdn-history-3.atom}) that answer conditional GETs ({@code ETag},
 * {@code Last-Modified}, 304 without a body), and the webhook sinks
 * {@code POST /sink/<n>} the subscriptions post to. Counts every answer, and which
 * changed update reached the sink how long after the change.
 */
final class FakeStatusPages implements AutoCloseable {

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final Pattern FEED_PATH = Pattern.compile("/feeds/(\\d+)/history\\.atom");

	private static final Pattern EVENT_FIELD = Pattern
		.compile("\"(incidentId|status|occurredAt)\"\\s*:\\s*\"([^\"]*)\"");

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final FakeStatusPage[] pages;

	private final AtomicIntegerArray polls;

	private final AtomicLongArray lastPollNanos;

	private final AtomicLong notModified = new AtomicLong();

	private final AtomicLong changedFetches = new AtomicLong();

	private final AtomicLong otherFetches = new AtomicLong();

	private final ConcurrentLinkedQueue<Long> pollGaps = new ConcurrentLinkedQueue<>();

	private final AtomicLong sinkPosts = new AtomicLong();

	private final AtomicLong unexpectedSinkPosts = new AtomicLong();

	/** Update key (incident, status, minute) → when the feed changed (nanoTime). */
	private final Map<String, Long> expected = new ConcurrentHashMap<>();

	private final Map<String, Integer> received = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<Long> deliveryDelays = new ConcurrentLinkedQueue<>();

	private FakeStatusPages(int feeds, Instant now) throws IOException {
		this.pages = IntStream.range(0, feeds)
			.mapToObj((n) -> new FakeStatusPage(n, now))
			.toArray(FakeStatusPage[]::new);
		this.polls = new AtomicIntegerArray(feeds);
		this.lastPollNanos = new AtomicLongArray(feeds);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
		this.server.setExecutor(this.executor);
		this.server.createContext("/feeds/", (exchange) -> answer(exchange, this::feed));
		this.server.createContext("/sink/", (exchange) -> answer(exchange, this::sink));
		this.server.start();
	}

	/** Serves {@code feeds} feeds whose history ended a little over two hours ago. */
	static FakeStatusPages start(int feeds, Instant now) throws IOException {
		return new FakeStatusPages(feeds, now);
	}

	String feedUrl(int feed) {
		return baseUrl() + "/feeds/" + feed + "/history.atom";
	}

	/**
	 * One sink URL per subscription: the service sends one message per tick to a channel
	 * target (its order is kept), so subscriptions sharing one URL would share one
	 * message a second.
	 */
	String sinkUrl(int feed) {
		return baseUrl() + "/sink/" + feed;
	}

	int feeds() {
		return this.pages.length;
	}

	/** How many feeds have been read (200) at least once. */
	int feedsReadOnce() {
		return (int) IntStream.range(0, this.pages.length).filter((n) -> this.pages[n].readOnce()).count();
	}

	/**
	 * Adds a new update (now, to the minute) to the open incident of {@code count} random
	 * feeds: new version, new ETag and Last-Modified.
	 */
	List<Integer> changeRandomFeeds(int count, Random random, Instant now) {
		List<Integer> indexes = new ArrayList<>(IntStream.range(0, this.pages.length).boxed().toList());
		Collections.shuffle(indexes, random);
		List<Integer> changed = List.copyOf(indexes.subList(0, Math.min(count, indexes.size())));
		long nanos = System.nanoTime();
		for (int feed : changed) {
			this.expected.put(this.pages[feed].addUpdate(now), nanos);
		}
		return changed;
	}

	Counts counts() {
		int[] perFeed = new int[this.pages.length];
		for (int n = 0; n < perFeed.length; n++) {
			perFeed[n] = this.polls.get(n);
		}
		return new Counts(this.notModified.get(), this.changedFetches.get(), this.otherFetches.get(),
				this.sinkPosts.get(), perFeed);
	}

	/** Gaps between two polls of the same feed since the last call. */
	List<Duration> drainPollGaps() {
		return drain(this.pollGaps);
	}

	/** The longest any feed has now gone without a poll. */
	Duration longestSilence() {
		long now = System.nanoTime();
		long longest = 0;
		for (int n = 0; n < this.pages.length; n++) {
			longest = Math.max(longest, now - this.lastPollNanos.get(n));
		}
		return Duration.ofNanos(longest);
	}

	Deliveries deliveries() {
		List<String> missing = this.expected.keySet()
			.stream()
			.filter((key) -> !this.received.containsKey(key))
			.sorted()
			.toList();
		long duplicates = this.received.values().stream().filter((count) -> count > 1).count();
		return new Deliveries(this.expected.size(), this.expected.size() - missing.size(), missing, duplicates,
				this.unexpectedSinkPosts.get(), drain(this.deliveryDelays));
	}

	boolean allChangesDelivered() {
		return this.expected.keySet().stream().allMatch(this.received::containsKey);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.close();
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void feed(HttpExchange exchange) throws IOException {
		Matcher path = FEED_PATH.matcher(exchange.getRequestURI().getPath());
		int feed = path.matches() ? Integer.parseInt(path.group(1)) : -1;
		if (feed < 0 || feed >= this.pages.length || !exchange.getRequestMethod().equals("GET")) {
			exchange.sendResponseHeaders(404, -1);
			return;
		}
		countPoll(feed);
		FakeStatusPage page = this.pages[feed];
		FakeStatusPage.Version current = page.current();
		exchange.getResponseHeaders().set("ETag", current.etag());
		exchange.getResponseHeaders().set("Last-Modified", httpDate(current.lastModified()));
		Answer answer = page.answer(current, exchange.getRequestHeaders().getFirst("If-None-Match"),
				exchange.getRequestHeaders().getFirst("If-Modified-Since"));
		switch (answer) {
			case NOT_MODIFIED -> {
				this.notModified.incrementAndGet();
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			case CHANGED -> this.changedFetches.incrementAndGet();
			case UNCONDITIONAL -> this.otherFetches.incrementAndGet();
		}
		exchange.getResponseHeaders().set("Content-Type", "application/atom+xml; charset=utf-8");
		exchange.sendResponseHeaders(200, current.body().length);
		exchange.getResponseBody().write(current.body());
	}

	private void countPoll(int feed) {
		this.polls.incrementAndGet(feed);
		long now = System.nanoTime();
		long previous = this.lastPollNanos.getAndSet(feed, now);
		if (previous != 0) {
			this.pollGaps.add(now - previous);
		}
	}

	private void sink(HttpExchange exchange) throws IOException {
		String event = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.sinkPosts.incrementAndGet();
		String key = keyOf(event);
		Long changedAt = this.expected.get(key);
		if (changedAt == null) {
			this.unexpectedSinkPosts.incrementAndGet();
		}
		else if (this.received.merge(key, 1, Integer::sum) == 1) {
			this.deliveryDelays.add(System.nanoTime() - changedAt);
		}
		exchange.sendResponseHeaders(204, -1);
	}

	private static String keyOf(String event) {
		Map<String, String> fields = new HashMap<>();
		Matcher matcher = EVENT_FIELD.matcher(event);
		while (matcher.find()) {
			fields.putIfAbsent(matcher.group(1), matcher.group(2));
		}
		try {
			return key(fields.getOrDefault("incidentId", ""), fields.getOrDefault("status", ""),
					Instant.parse(fields.getOrDefault("occurredAt", "")));
		}
		catch (DateTimeParseException ex) {
			return "unreadable";
		}
	}

	/** What identifies an update on both sides: incident, status and minute. */
	static String key(String incidentCode, String status, Instant postedAt) {
		return incidentCode + "|" + status.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_") + "|"
				+ postedAt.truncatedTo(ChronoUnit.MINUTES);
	}

	static String httpDate(Instant instant) {
		return HTTP_DATE.format(instant);
	}

	static Instant parseHttpDate(String text) {
		return Instant.from(HTTP_DATE.parse(text.strip()));
	}

	private static void answer(HttpExchange exchange, Handler handler) throws IOException {
		try (exchange) {
			handler.handle(exchange);
		}
		catch (RuntimeException ex) {
			exchange.sendResponseHeaders(500, -1);
			throw ex;
		}
	}

	private static List<Duration> drain(ConcurrentLinkedQueue<Long> nanos) {
		List<Duration> drained = new ArrayList<>();
		for (Long value = nanos.poll(); value != null; value = nanos.poll()) {
			drained.add(Duration.ofNanos(value));
		}
		drained.sort(Comparator.naturalOrder());
		return drained;
	}

	private interface Handler {

		void handle(HttpExchange exchange) throws IOException;

	}

	/** How a feed request was answered. */
	enum Answer {

		/** 304: the client's validators name the current version. */
		NOT_MODIFIED,

		/** 200: the client's validators name an older version. */
		CHANGED,

		/** 200: no validators, or ones this feed never gave out (a first read). */
		UNCONDITIONAL

	}

	/** Totals since the server started; subtract two to get a cycle's. */
	record Counts(long notModified, long changed, long unconditional, long sinkPosts, int[] pollsPerFeed) {

		long polls() {
			return this.notModified + this.changed + this.unconditional;
		}

		Counts since(Counts earlier) {
			int[] perFeed = new int[this.pollsPerFeed.length];
			for (int n = 0; n < perFeed.length; n++) {
				perFeed[n] = this.pollsPerFeed[n] - earlier.pollsPerFeed[n];
			}
			return new Counts(this.notModified - earlier.notModified, this.changed - earlier.changed,
					this.unconditional - earlier.unconditional, this.sinkPosts - earlier.sinkPosts, perFeed);
		}

		long feedsPolledMoreThanOnce() {
			return IntStream.of(this.pollsPerFeed).filter((polls) -> polls > 1).count();
		}

		long feedsNotPolled() {
			return IntStream.of(this.pollsPerFeed).filter((polls) -> polls == 0).count();
		}

	}

	/**
	 * The changed updates against what the sink received: each once per subscription.
	 */
	record Deliveries(int expected, int delivered, List<String> missing, long duplicates, long unexpected,
			List<Duration> delays) {

	}

}
