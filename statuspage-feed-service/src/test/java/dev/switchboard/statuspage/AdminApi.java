package dev.switchboard.statuspage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls {@code /api/**} as the gateway does, with the internal token;
 * {@code /actuator/**} on the management port.
 */
public final class AdminApi {

	public static final String TOKEN = "test-internal-token-0123456789";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final int managementPort;

	public AdminApi(int port) {
		this(port, -1);
	}

	public AdminApi(int port, int managementPort) {
		this.port = port;
		this.managementPort = managementPort;
	}

	public HttpResponse<String> post(String path, String body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> patch(String path, String body) {
		return send(request(path).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	public HttpResponse<String> delete(String path) {
		return send(request(path).DELETE());
	}

	public JsonNode json(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	/** Creates a subscription and returns its id. */
	public String subscribe(String body) {
		HttpResponse<String> response = post("/api/subscriptions", body);
		if (response.statusCode() != 201) {
			throw new IllegalStateException("subscription refused: " + response.statusCode() + " " + response.body());
		}
		return json(response).path("id").asString();
	}

	private HttpRequest.Builder request(String path) {
		if (path.startsWith("/actuator/") && this.managementPort < 0) {
			throw new IllegalStateException("health and metrics are on the management port: new AdminApi(port, it)");
		}
		int target = path.startsWith("/actuator/") ? this.managementPort : this.port;
		return HttpRequest.newBuilder(URI.create("http://localhost:" + target + path))
			.header("X-Switchboard-Internal-Token", TOKEN);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
