package dev.switchboard.sandbox.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Sends the simulated providers' webhooks to the gateway, signed as each provider signs
 * them, and tells what the gateway answered.
 */
@Component
public class GatewayWebhooks {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final SandboxProperties properties;

	private final Clock clock;

	GatewayWebhooks(SandboxProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** A GitHub delivery: event name and a new delivery GUID in the headers. */
	public Delivery github(String event, byte[] body) {
		String delivery = UUID.randomUUID().toString();
		return send(request("github", body).header("X-GitHub-Event", event)
			.header("X-GitHub-Delivery", delivery)
			.header(GithubWebhookSignature.HEADER, GithubWebhookSignature.sign(this.properties.githubSecret(), body)),
				delivery);
	}

	/** A Zendesk event webhook, signed with the time of sending. */
	public Delivery zendesk(String eventId, byte[] body) {
		String timestamp = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
		return send(request("zendesk", body).header(ZendeskWebhookSignature.TIMESTAMP_HEADER, timestamp)
			.header(ZendeskWebhookSignature.HEADER,
					ZendeskWebhookSignature.sign(this.properties.zendeskSecret(), timestamp, body)),
				eventId);
	}

	private HttpRequest.Builder request(String provider, byte[] body) {
		URI url = URI.create(this.properties.gatewayUrl().toString().replaceAll("/+$", "") + "/webhooks/" + provider);
		return HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
	}

	private Delivery send(HttpRequest.Builder request, String id) {
		try {
			HttpResponse<String> answer = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Delivery(id, answer.statusCode(), answer.body());
		}
		catch (IOException ex) {
			return new Delivery(id, -1, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Delivery(id, -1, "interrupted");
		}
	}

	/** One delivery and the gateway's answer ({@code status} -1: no answer). */
	public record Delivery(String id, int status, String answer) {

		public boolean accepted() {
			return this.status >= 200 && this.status < 300;
		}

	}

}
