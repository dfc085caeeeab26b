package dev.switchboard.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for Switchboard's gateway in the sandbox's tests: takes every webhook with
 * 202, lists the subscriptions it was sent, answers a click-to-call with a call sid, and
 * keeps every request so a test can look at what the simulated providers sent.
 */
public final class StubGateway {

	private static final StubGateway INSTANCE = new StubGateway();

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private StubGateway() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public static StubGateway get() {
		return INSTANCE;
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public List<Received> received(Predicate<Received> which) {
		return this.received.stream().filter(which).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
		Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
				new String(body, StandardCharsets.UTF_8));
		this.received.add(request);
		String path = exchange.getRequestURI().getPath();
		if (path.startsWith("/webhooks/")) {
			answer(exchange, 202, "{\"eventId\":\"" + java.util.UUID.randomUUID() + "\"}");
		}
		else if (path.equals("/api/subscriptions") && request.method().equals("GET")) {
			answer(exchange, 200,
					"[" + String.join(",",
							received((r) -> r.method().equals("POST") && r.path().equals("/api/subscriptions")).stream()
								.map(Received::body)
								.toList())
							+ "]");
		}
		else if (path.equals("/api/subscriptions")) {
			answer(exchange, 201, request.body());
		}
		else if (path.equals("/api/calls")) {
			answer(exchange, 201, "{\"callSid\":\"CA00000000000000000000000000000001\"}");
		}
		else {
			answer(exchange, 404, "{}");
		}
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	/** One request as the stub received it: {@code path} with its query. */
	public record Received(String method, String path, Map<String, String> headers, String body) {

		public String header(String name) {
			return String.valueOf(this.headers.get(name));
		}

	}

}
