package dev.switchboard.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.switchboard.signatures.GithubSignature;
import org.jspecify.annotations.Nullable;

/** Sends webhooks to a running gateway the way the providers do. */
public final class WebhookClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	public WebhookClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	public static String githubSignature(String secret, byte[] body) {
		return GithubSignature.sign(secret, body);
	}

	public HttpResponse<String> github(String event, String deliveryId, byte[] body, String signature) {
		return post("/webhooks/github", body, Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", deliveryId,
				"X-Hub-Signature-256", signature, "Content-Type", "application/json"));
	}

	public HttpResponse<String> send(ProviderRequests.Signed signed) {
		return post(signed.path(), signed.body(), signed.headers());
	}

	public HttpResponse<String> admin(String method, String path, @Nullable String key, @Nullable String jsonBody) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.method(method, (jsonBody != null) ? HttpRequest.BodyPublishers.ofString(jsonBody)
					: HttpRequest.BodyPublishers.noBody());
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		if (jsonBody != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request.build());
	}

	public HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return send(request.build());
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET().build());
	}

	/** A GET whose answer is kept as bytes (a delivery's raw body). */
	public HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET();
		headers.forEach(request::header);
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
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
