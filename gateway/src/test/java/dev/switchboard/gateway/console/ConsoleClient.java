package dev.switchboard.gateway.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A browser's requests to the console, cookie kept by hand (a Secure cookie, as behind a
 * TLS proxy, would not be sent over plain http by Java's cookie store).
 */
public final class ConsoleClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private @Nullable String cookie;

	public ConsoleClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	public HttpResponse<String> signIn(String key) {
		return signIn(key, Map.of());
	}

	HttpResponse<String> signIn(String key, Map<String, String> headers) {
		HttpResponse<String> response = post("/console/login", Map.of("key", key), headers);
		response.headers()
			.firstValue("Set-Cookie")
			.filter((header) -> header.startsWith("switchboard_console=")
					&& !header.startsWith("switchboard_console=;"))
			.ifPresent((header) -> this.cookie = header.substring(0, header.indexOf(';')));
		return response;
	}

	@Nullable String cookie() {
		return this.cookie;
	}

	public HttpResponse<String> page(String path) {
		return get(path, Map.of("Accept", "text/html"));
	}

	HttpResponse<String> get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET();
		headers.forEach(request::header);
		return send(request);
	}

	HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
		String body = form.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/x-www-form-urlencoded");
		headers.forEach(request::header);
		return send(request);
	}

	/** The CSRF token the page's forms carry. */
	static String csrfOf(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new AssertionError("no CSRF token on the page");
		}
		return matcher.group(1);
	}

	static Map<String, String> form(String... namesAndValues) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return form;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (this.cookie != null) {
			request.header("Cookie", this.cookie);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
