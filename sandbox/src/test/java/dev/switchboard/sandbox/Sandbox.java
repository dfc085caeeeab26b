package dev.switchboard.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/** The sandbox under test, called over HTTP on its random port. */
@TestComponent
public class Sandbox {

	private final HttpClient http = HttpClient.newHttpClient();

	private final Environment environment;

	Sandbox(Environment environment) {
		this.environment = environment;
	}

	/** The port the sandbox listens on (known once the server has started). */
	public int port() {
		return this.environment.getRequiredProperty("local.server.port", Integer.class);
	}

	public URI url(String path) {
		return URI.create("http://localhost:" + port() + path);
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
