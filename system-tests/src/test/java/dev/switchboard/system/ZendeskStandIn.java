package dev.switchboard.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Test only: what of Zendesk the helpdesk app meets, on localhost. {@code /host.html}
 * loads the app's iframe (the files of {@code helpdesk-app/assets}, the ZAF SDK replaced
 * by a stand-in that asks the host page by postMessage, as the real one does), and
 * {@code /proxy} does what Zendesk's proxy does with a {@code secure: true} request: it
 * refuses any other host than the whitelisted one, puts the secure setting's value where
 * the request says {@code {{setting.apiKey}}}, and calls the real gateway from the server
 * side. The key never reaches the browser.
 */
final class ZendeskStandIn implements AutoCloseable {

	static final String SDK = "https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js";

	private static final Pattern ASSET = Pattern.compile("[a-z0-9-]+\\.(html|js|css|png)");

	private static final ObjectMapper json = new ObjectMapper();

	private final HttpServer server;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Path assets;

	private final URI whitelisted;

	private final String apiKey;

	private final AtomicInteger proxied = new AtomicInteger();

	/**
	 * @param whitelisted the Switchboard gateway (the app's domainWhitelist, and its
	 * switchboardUrl setting)
	 * @param apiKey the secure setting {@code apiKey}
	 */
	ZendeskStandIn(Path assets, URI whitelisted, String apiKey) throws IOException {
		this.assets = assets;
		this.whitelisted = whitelisted;
		this.apiKey = apiKey;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::serve);
		this.server.start();
	}

	/** The host page for a ticket. */
	String hostPage(String ticketId, String scheme) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/host.html?ticket=" + ticketId + "&scheme="
				+ scheme + "&switchboard=" + this.whitelisted;
	}

	int proxied() {
		return this.proxied.get();
	}

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (path.equals("/host.html") || path.equals("/zaf-sdk-stand-in.js")) {
				respond(exchange, 200, contentType(path), resource(path.substring(1)));
			}
			else if (path.startsWith("/app/assets/") && ASSET.matcher(path.substring(12)).matches()) {
				byte[] file = Files.readAllBytes(this.assets.resolve(path.substring(12)));
				if (path.endsWith("/iframe.html")) {
					file = new String(file, StandardCharsets.UTF_8).replace(SDK, "/zaf-sdk-stand-in.js")
						.getBytes(StandardCharsets.UTF_8);
				}
				respond(exchange, 200, contentType(path), file);
			}
			else if (path.equals("/proxy") && exchange.getRequestMethod().equals("POST")) {
				proxy(exchange);
			}
			else {
				respond(exchange, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	/** Zendesk's proxy: {@code {url, type, headers, data, contentType, secure}}. */
	private void proxy(HttpExchange exchange) throws IOException {
		JsonNode options = json.readTree(exchange.getRequestBody());
		URI target = URI.create(options.path("url").asText());
		if (!options.path("secure").asBoolean(false) || !sameOrigin(target)) {
			// Zendesk substitutes secure settings only in secure requests to whitelisted
			// domains
			respond(exchange, 200, "application/json",
					json.writeValueAsBytes(Map.of("status", 403, "responseText", "not proxied")));
			return;
		}
		String method = options.path("type").asText("GET");
		String data = options.path("data").isMissingNode() || options.path("data").isNull() ? null
				: options.path("data").asText();
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.timeout(Duration.ofSeconds(20))
			.method(method,
					(data != null) ? HttpRequest.BodyPublishers.ofString(data) : HttpRequest.BodyPublishers.noBody());
		for (Iterator<Map.Entry<String, JsonNode>> headers = options.path("headers").fields(); headers.hasNext();) {
			Map.Entry<String, JsonNode> header = headers.next();
			request.header(header.getKey(), header.getValue().asText().replace("{{setting.apiKey}}", this.apiKey));
		}
		if (data != null) {
			request.header("Content-Type", options.path("contentType").asText("application/json"));
		}
		ObjectNode answer = json.createObjectNode();
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			this.proxied.incrementAndGet();
			answer.put("status", response.statusCode());
			answer.put("responseText", response.body());
		}
		catch (IOException ex) {
			answer.put("status", 0);
			answer.put("responseText", "");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		respond(exchange, 200, "application/json", json.writeValueAsBytes(answer));
	}

	private boolean sameOrigin(URI target) {
		return target.getScheme().equals(this.whitelisted.getScheme())
				&& target.getHost().equals(this.whitelisted.getHost())
				&& target.getPort() == this.whitelisted.getPort();
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = ZendeskStandIn.class.getResourceAsStream("/zendesk-stand-in/" + name)) {
			if (in == null) {
				throw new IOException("no resource " + name);
			}
			return in.readAllBytes();
		}
	}

	private static String contentType(String path) {
		if (path.endsWith(".html")) {
			return "text/html; charset=utf-8";
		}
		if (path.endsWith(".js")) {
			return "text/javascript; charset=utf-8";
		}
		return path.endsWith(".css") ? "text/css; charset=utf-8" : "image/png";
	}

	private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
