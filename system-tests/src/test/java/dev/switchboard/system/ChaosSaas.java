package dev.switchboard.system;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * One in-process HTTP server standing in for every SaaS API the services call during the
 * chaos suite: Zendesk ({@code /api/v2/…}), GitHub ({@code /repos/…}), Slack's Web API
 * ({@code /slack/…}), TeamViewer's Web API ({@code /teamviewer/…}) and the status feeds
 * the Statuspage subscriptions name ({@code /feeds/…}). Each system can be switched to a
 * {@link SaasFault}; the fakes keep what was applied, which the report counts.
 */
final class ChaosSaas implements AutoCloseable {

	/** A fake's answer. */
	record Reply(int status, String body, Map<String, String> headers) {

		static Reply json(int status, String body) {
			return new Reply(status, body, Map.of("Content-Type", "application/json"));
		}

	}

	/** One remote system's request handling. */
	interface System {

		Reply handle(String method, URI uri, String body) throws IOException;

	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<String, SaasFault> faults = new ConcurrentHashMap<>();

	final ChaosZendesk zendesk = new ChaosZendesk();

	final ChaosGithub github = new ChaosGithub();

	final ChaosSlack slack = new ChaosSlack();

	final ChaosTeamviewer teamviewer = new ChaosTeamviewer();

	ChaosSaas() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
		this.server.setExecutor(this.executor);
		context("/api/v2/", "zendesk", this.zendesk);
		context("/repos/", "github", this.github);
		context("/slack/", "slack", this.slack);
		context("/teamviewer/", "teamviewer", this.teamviewer);
		context("/feeds/", "feeds",
				(method, uri, body) -> new Reply(200, emptyFeed(uri), Map.of("Content-Type", "application/atom+xml")));
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void fault(String system, SaasFault fault) {
		this.faults.put(system, fault);
	}

	private void context(String path, String name, System system) {
		this.server.createContext(path, (exchange) -> {
			try {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				respond(exchange, answer(name, system, exchange.getRequestMethod(), exchange.getRequestURI(), body));
			}
			catch (RuntimeException | IOException ex) {
				respond(exchange, Reply.json(500, "{\"error\":\"" + ex.getClass().getSimpleName() + "\"}"));
			}
		});
	}

	private Reply answer(String name, System system, String method, URI uri, String body) throws IOException {
		SaasFault fault = this.faults.getOrDefault(name, SaasFault.NONE);
		boolean write = !method.equals("GET");
		return switch (fault) {
			case NONE -> system.handle(method, uri, body);
			case UNAVAILABLE -> Reply.json(503, "{\"error\":\"unavailable\"}");
			case RATE_LIMITED -> new Reply(429, "{\"ok\":false,\"error\":\"ratelimited\"}",
					Map.of("Content-Type", "application/json", "Retry-After", "2"));
			case APPLIED_THEN_FAILED -> {
				Reply applied = system.handle(method, uri, body);
				yield write ? Reply.json(503, "{\"error\":\"unavailable\"}") : applied;
			}
		};
	}

	private static String emptyFeed(URI uri) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom">
				  <id>tag:status.chaos.example,2005:%s</id>
				  <link rel="alternate" type="text/html" href="https://status.chaos.example"/>
				  <title>Chaos Status - Incident History</title>
				  <updated>2026-01-01T00:00:00Z</updated>
				</feed>
				""".formatted(uri.getPath());
	}

	private static void respond(HttpExchange exchange, Reply reply) throws IOException {
		byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
		reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		exchange.sendResponseHeaders(reply.status(), (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
