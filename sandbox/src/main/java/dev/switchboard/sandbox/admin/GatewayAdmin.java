package dev.switchboard.sandbox.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.switchboard.sandbox.webhook.SandboxProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.stereotype.Component;

/**
 * Switchboard's admin API through the gateway, as an operator (or the agent's helpdesk
 * app) calls it with an API key: status subscriptions and click-to-call.
 */
@Component
public class GatewayAdmin {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final SandboxProperties properties;

	private final JsonMapper json;

	GatewayAdmin(SandboxProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	/** {@code GET /api/subscriptions}. */
	public Answer subscriptions() {
		return send(request("/api/subscriptions").GET());
	}

	/** {@code POST /api/subscriptions}. */
	public Answer subscribe(Map<String, Object> subscription) {
		return send(request("/api/subscriptions")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(subscription))));
	}

	/**
	 * {@code POST /api/calls}: rings the agent's phone, then the customer's (the ticket
	 * requester's).
	 */
	public Answer clickToCall(long ticketId, String agentPhone) {
		return send(request("/api/calls").POST(HttpRequest.BodyPublishers.ofByteArray(
				this.json.writeValueAsBytes(Map.of("ticketId", Long.toString(ticketId), "agentPhone", agentPhone)))));
	}

	/**
	 * {@code POST /api/sessions} for a Guacamole session, as the helpdesk app starts one:
	 * the ticket, the agent, the customer and the connection (Guacamole needs one, so a
	 * {@code /remote} note cannot start it).
	 */
	public Answer startGuacamoleSession(long ticketId, String agentEmail, String customerName, String customerEmail,
			Map<String, Object> connection) {
		return send(request("/api/sessions").POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(
				Map.of("ticketId", Long.toString(ticketId), "provider", "guacamole", "agentEmail", agentEmail,
						"customer", Map.of("name", customerName, "email", customerEmail), "connection", connection)))));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.properties.gateway(path)))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.properties.gatewayApiKey())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> answer = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(answer.statusCode(), answer.body(), parse(answer.body()));
		}
		catch (IOException ex) {
			return new Answer(-1, ex.getClass().getSimpleName() + ": " + ex.getMessage(), missing());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(-1, "interrupted", missing());
		}
	}

	private JsonNode parse(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			return missing();
		}
	}

	private JsonNode missing() {
		return MissingNode.getInstance();
	}

	/** What the admin API answered (status -1: no answer), its body and that as JSON. */
	public record Answer(int status, String body, JsonNode json) {

		public boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

}
