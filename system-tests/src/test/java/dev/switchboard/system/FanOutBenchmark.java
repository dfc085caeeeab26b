package dev.switchboard.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code ./switchboard bench fanout}: a burst of 5 incidents × 4 updates in a
 * Statuspage-style feed, fanned out by the packaged statuspage-feed-service (its own
 * process, on the real broker and PostgreSQL) to {@code bench.channels} Slack channels
 * (default 500). The fake Slack enforces what Slack does, answering 429 with
 * {@code Retry-After} when exceeded: one {@code chat.postMessage} per second per channel,
 * a workspace-wide ceiling ({@code bench.ceiling} messages per minute, with a burst of
 * one second's worth), and 50 {@code chat.update} per minute. The service is configured
 * with the same ceiling. Prints the delivered rate against min(Σ per-channel limits,
 * workspace ceiling), the 429s the service caused, the time until every channel had every
 * update, whether every thread is whole and in order, and the service's CPU and memory.
 * Asserts nothing.
 */
public final class FanOutBenchmark {

	private static final int CHANNELS = Integer.getInteger("bench.channels", 500);

	private static final int CEILING_PER_MINUTE = Integer.getInteger("bench.ceiling", 6000);

	private static final int INCIDENTS = 5;

	private static final int UPDATES = 4;

	private static final String[] STATUSES = { "Investigating", "Identified", "Monitoring", "Resolved" };

	private static final Duration DEADLINE = Duration.ofMinutes(20);

	private FanOutBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		FakeSlack slack = new FakeSlack(CEILING_PER_MINUTE);
		AtomicReference<String> feed = new AtomicReference<>(feed(List.of()));
		AtomicLong feedFetches = new AtomicLong();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/chat.postMessage", slack::postMessage);
		server.createContext("/chat.update", slack::update);
		server.createContext("/status/history.atom", (exchange) -> {
			feedFetches.incrementAndGet();
			respond(exchange, 200, "application/atom+xml", feed.get());
		});
		server.start();
		String base = "http://127.0.0.1:" + server.getAddress().getPort();
		System.out.printf(
				"Fan-out benchmark: %d incidents x %d updates to %d Slack channels, workspace ceiling %d/min%n",
				INCIDENTS, UPDATES, CHANNELS, CEILING_PER_MINUTE);

		try (ServiceProcess service = ServiceProcess.start("statuspage-feed-service",
				ServiceProcess.env("STATUSPAGEFEED_SLACK_BASEURL", base, "STATUSPAGEFEED_SLACK_BOTTOKEN",
						"xoxb-bench-token", "STATUSPAGEFEED_SLACK_WORKSPACEMESSAGESPERMINUTE",
						Integer.toString(CEILING_PER_MINUTE), "STATUSPAGEFEED_ALLOWPRIVATEADDRESSES", "true",
						"STATUSPAGEFEED_POLLINTERVAL", "2s", "STATUSPAGEFEED_POLLJITTER", "0s"),
				List.of("-Xmx256m", "-XX:+UseSerialGC"))) {
			subscribe(service, base + "/status/history.atom");
			// the feed's first poll (nothing open yet) has happened after the last
			// subscription
			long fetched = feedFetches.get();
			while (feedFetches.get() < fetched + 2) {
				Thread.sleep(100);
			}
			Duration cpuBefore = service.cpuTime();
			Instant published = Instant.now();
			feed.set(feed(burst(published)));
			System.out.printf("Burst published at %s; waiting for %,d messages%n", published,
					(long) CHANNELS * INCIDENTS * UPDATES);

			long expected = (long) CHANNELS * INCIDENTS * UPDATES;
			long maxRss = service.residentBytes();
			Instant deadline = published.plus(DEADLINE);
			Instant lastReport = Instant.now();
			while (slack.accepted() < expected && Instant.now().isBefore(deadline)) {
				Thread.sleep(250);
				maxRss = Math.max(maxRss, service.residentBytes());
				if (Duration.between(lastReport, Instant.now()).toSeconds() >= 10) {
					lastReport = Instant.now();
					System.out.printf("  %5ds: %,d of %,d messages, %d parent edits, 429s caused: %d%n",
							Duration.between(published, lastReport).toSeconds(), slack.accepted(), expected,
							slack.edits(), slack.limited());
				}
			}
			Instant done = Instant.now();
			Duration cpu = service.cpuTime().minus(cpuBefore);
			print(slack, expected, published, done, cpu, maxRss, service.residentBytes());
		}
		finally {
			server.stop(0);
		}
	}

	private static void print(FakeSlack slack, long expected, Instant published, Instant done, Duration cpu,
			long maxRss, long endRss) {
		List<FakeSlack.Message> messages = slack.messages();
		Instant first = messages.stream().map(FakeSlack.Message::at).min(Instant::compareTo).orElse(published);
		Instant last = messages.stream().map(FakeSlack.Message::at).max(Instant::compareTo).orElse(published);
		double seconds = Math.max(0.001, Duration.between(first, last).toMillis() / 1000.0);
		double rate = (messages.size() - 1) / seconds;
		double perChannelSum = CHANNELS * 1.0;
		double ceiling = CEILING_PER_MINUTE / 60.0;
		double bound = Math.min(perChannelSum, ceiling);
		System.out.println();
		System.out.println("| figure | value |");
		System.out.println("|---|---|");
		System.out.printf("| messages delivered | %,d of %,d |%n", messages.size(), expected);
		System.out.printf("| delivered rate (first to last message) | %.1f msg/s |%n", rate);
		System.out.printf("| min(sum of per-channel limits %.0f/s, workspace ceiling %.1f/s) | %.1f msg/s |%n",
				perChannelSum, ceiling, bound);
		System.out.printf("| **delivered rate / bound** (target >= 0.9) | **%.2f** |%n", rate / bound);
		System.out.printf("| 429s caused: per channel / workspace / chat.update | %d / %d / %d |%n",
				slack.channelLimited.get(), slack.workspaceLimited.get(), slack.editLimited.get());
		System.out.printf("| first message after the burst was published | %.1f s |%n",
				Duration.between(published, first).toMillis() / 1000.0);
		System.out.printf("| every channel has every update after | %s |%n",
				(messages.size() >= expected)
						? String.format("%.1f s", Duration.between(published, last).toMillis() / 1000.0)
						: "not within " + Duration.between(published, done).toSeconds() + " s");
		System.out.printf("| threads whole and in order (5 parents, replies under their parent, in time order) | "
				+ "%d of %d channels |%n", slack.wholeAndOrderedChannels(), CHANNELS);
		System.out.printf("| duplicate messages | %d |%n", slack.duplicates());
		System.out.printf("| parent edits (chat.update) accepted during the run | %d (budget 45/min) |%n",
				slack.edits());
		System.out.printf("| service CPU during the run | %.1f s = %.0f%% of one core |%n", cpu.toMillis() / 1000.0,
				100.0 * cpu.toMillis() / Math.max(1, Duration.between(published, done).toMillis()));
		System.out.printf("| service RSS max / at the end | %d MB / %d MB |%n", maxRss >> 20, endRss >> 20);
		new BenchmarkFigure("fanout.rate-to-bound", rate / bound, "x", ">= 0.9").print();
		new BenchmarkFigure("fanout.delivered-rate", rate, "msg/s", "").print();
		new BenchmarkFigure("fanout.duplicates", slack.duplicates(), "", "0").print();
		new BenchmarkFigure("fanout.rss-max", maxRss >> 20, "MB", "").print();
	}

	private static void subscribe(ServiceProcess service, String feedUrl) throws Exception {
		Instant start = Instant.now();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int n = 0; n < CHANNELS; n++) {
				String body = """
						{"name": "Customer %d", "source": {"type": "feed", "url": "%s"},
						 "channel": {"type": "slack", "channelId": "%s"}}
						""".formatted(n, feedUrl, channel(n));
				answers.add(pool.submit(() -> service.call("POST", "/api/subscriptions", body)));
			}
			for (Future<HttpResponse<String>> answer : answers) {
				if (answer.get().statusCode() != 201) {
					throw new IllegalStateException("subscription refused: " + answer.get().body());
				}
			}
		}
		System.out.printf("%d subscriptions created in %.1f s%n", CHANNELS,
				Duration.between(start, Instant.now()).toMillis() / 1000.0);
	}

	static String channel(int n) {
		return String.format("CB%07d", n);
	}

	/** Five incidents, each with four updates a minute apart, the newest a minute ago. */
	private static List<String> burst(Instant now) {
		List<String> entries = new ArrayList<>();
		Instant base = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(INCIDENTS * UPDATES + 1));
		for (int incident = 0; incident < INCIDENTS; incident++) {
			StringBuilder trail = new StringBuilder();
			Instant updated = base;
			for (int update = UPDATES - 1; update >= 0; update--) {
				Instant at = base.plus(Duration.ofMinutes(incident * UPDATES + update));
				updated = (at.isAfter(updated)) ? at : updated;
				ZonedDateTime time = at.atZone(ZoneOffset.UTC);
				trail.append("<p><small>")
					.append(time.format(DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH)))
					.append(" <var data-var='date'>")
					.append(time.getDayOfMonth())
					.append("</var>, <var data-var='time'>")
					.append(time.format(DateTimeFormatter.ofPattern("HH:mm")))
					.append("</var> UTC</small><br><strong>")
					.append(STATUSES[update])
					.append("</strong> - Update ")
					.append(update + 1)
					.append(" of incident ")
					.append(incident + 1)
					.append(".</p>");
			}
			String code = "bench" + incident + "abcdefg";
			entries.add("""
					  <entry>
					    <id>tag:status.bench.example,2005:Incident/%d</id>
					    <published>%s</published>
					    <updated>%s</updated>
					    <link rel="alternate" type="text/html" href="https://status.bench.example/incidents/%s"/>
					    <title>Bench incident %d</title>
					    <content type="html">%s</content>
					  </entry>
					""".formatted(1000 + incident, base.plus(Duration.ofMinutes(incident * UPDATES)), updated, code,
					incident + 1, escape(trail.toString())));
		}
		return entries;
	}

	private static String feed(List<String> entries) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom">
				  <id>tag:status.bench.example,2005:/history</id>
				  <link rel="alternate" type="text/html" href="https://status.bench.example"/>
				  <title>Bench Status - Incident History</title>
				  <updated>%s</updated>
				%s</feed>
				""".formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), String.join("", entries));
	}

	private static String escape(String html) {
		return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			in.readAllBytes();
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * Slack's Web API as far as the fan-out uses it, with Slack's limits enforced: one
	 * message per second per channel, a workspace ceiling with a burst of one second's
	 * worth, 50 {@code chat.update} per rolling minute. Over a limit: 429 with
	 * {@code Retry-After: 1}, nothing posted.
	 */
	static final class FakeSlack {

		private static final Pattern CHANNEL = Pattern.compile("\"channel\"\\s*:\\s*\"([^\"]+)\"");

		private static final Pattern THREAD = Pattern.compile("\"thread_ts\"\\s*:\\s*\"([^\"]+)\"");

		private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

		record Message(String channel, String ts, String threadTs, String text, Instant at) {
		}

		private final double ceilingPerSecond;

		private final Map<String, Long> lastAccepted = new HashMap<>();

		private final List<Message> messages = new ArrayList<>();

		private final Deque<Long> editTimes = new ArrayDeque<>();

		private final AtomicLong tsSequence = new AtomicLong();

		private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

		private final AtomicLong duplicates = new AtomicLong();

		final AtomicLong channelLimited = new AtomicLong();

		final AtomicLong workspaceLimited = new AtomicLong();

		final AtomicLong editLimited = new AtomicLong();

		private double workspaceTokens;

		private long workspaceRefilledAt = System.nanoTime();

		private long edits;

		FakeSlack(int ceilingPerMinute) {
			this.ceilingPerSecond = ceilingPerMinute / 60.0;
			this.workspaceTokens = this.ceilingPerSecond;
		}

		void postMessage(HttpExchange exchange) throws IOException {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String channel = find(CHANNEL, body);
			String threadTs = find(THREAD, body);
			String text = find(TEXT, body);
			long now = System.nanoTime();
			String ts;
			synchronized (this) {
				Long last = this.lastAccepted.get(channel);
				if (last != null && now - last < 1_000_000_000L) {
					this.channelLimited.incrementAndGet();
					limited(exchange);
					return;
				}
				this.workspaceTokens = Math.min(this.ceilingPerSecond,
						this.workspaceTokens + (now - this.workspaceRefilledAt) / 1e9 * this.ceilingPerSecond);
				this.workspaceRefilledAt = now;
				if (this.workspaceTokens < 1) {
					this.workspaceLimited.incrementAndGet();
					limited(exchange);
					return;
				}
				this.workspaceTokens -= 1;
				this.lastAccepted.put(channel, now);
				ts = String.format("1763900000.%06d", this.tsSequence.incrementAndGet());
				this.messages.add(new Message(channel, ts, threadTs, text, Instant.now()));
			}
			if (this.seen.put(channel + "|" + text, Boolean.TRUE) != null) {
				this.duplicates.incrementAndGet();
			}
			respond(exchange, 200, "application/json",
					"{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"}");
		}

		void update(HttpExchange exchange) throws IOException {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			long now = System.nanoTime();
			synchronized (this) {
				while (!this.editTimes.isEmpty() && now - this.editTimes.peekFirst() >= 60_000_000_000L) {
					this.editTimes.removeFirst();
				}
				if (this.editTimes.size() >= 50) {
					this.editLimited.incrementAndGet();
					limited(exchange);
					return;
				}
				this.editTimes.addLast(now);
				this.edits++;
			}
			respond(exchange, 200, "application/json",
					"{\"ok\":true,\"channel\":\"" + find(CHANNEL, body) + "\",\"ts\":\"1763900000.000000\"}");
		}

		private static void limited(HttpExchange exchange) throws IOException {
			exchange.getResponseHeaders().set("Retry-After", "1");
			respond(exchange, 429, "application/json", "{\"ok\":false,\"error\":\"ratelimited\"}");
		}

		synchronized long accepted() {
			return this.messages.size();
		}

		synchronized long edits() {
			return this.edits;
		}

		long limited() {
			return this.channelLimited.get() + this.workspaceLimited.get() + this.editLimited.get();
		}

		long duplicates() {
			return this.duplicates.get();
		}

		synchronized List<Message> messages() {
			return List.copyOf(this.messages);
		}

		/**
		 * Channels with exactly five parents, each followed by its three replies in its
		 * thread, in the order the updates were made.
		 */
		synchronized long wholeAndOrderedChannels() {
			Map<String, List<Message>> byChannel = new HashMap<>();
			this.messages.forEach(
					(message) -> byChannel.computeIfAbsent(message.channel(), (key) -> new ArrayList<>()).add(message));
			return byChannel.values().stream().filter(FakeSlack::wholeAndOrdered).count();
		}

		private static boolean wholeAndOrdered(List<Message> messages) {
			Map<String, String> parentOfIncident = new HashMap<>();
			Map<String, Integer> lastUpdate = new HashMap<>();
			for (Message message : messages) {
				Matcher matcher = Pattern.compile("Update (\\d) of incident (\\d)").matcher(message.text());
				if (message.threadTs() == null) {
					Matcher incident = Pattern.compile("Bench incident (\\d)").matcher(message.text());
					if (!incident.find() || parentOfIncident.put(incident.group(1), message.ts()) != null) {
						return false;
					}
					lastUpdate.put(incident.group(1), 1);
				}
				else if (matcher.find()) {
					String incident = matcher.group(2);
					int update = Integer.parseInt(matcher.group(1));
					if (!message.threadTs().equals(parentOfIncident.get(incident))
							|| update != lastUpdate.getOrDefault(incident, 0) + 1) {
						return false;
					}
					lastUpdate.put(incident, update);
				}
				else {
					return false;
				}
			}
			return parentOfIncident.size() == INCIDENTS
					&& lastUpdate.values().stream().allMatch((update) -> update == UPDATES);
		}

		private static String find(Pattern pattern, String body) {
			Matcher matcher = pattern.matcher(body);
			return matcher.find() ? matcher.group(1) : null;
		}

	}

}
