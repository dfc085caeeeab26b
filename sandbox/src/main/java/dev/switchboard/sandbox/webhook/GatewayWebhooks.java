package dev.switchboard.sandbox.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.switchboard.signatures.GithubSignature;
import dev.switchboard.signatures.JiraSignature;
import dev.switchboard.signatures.StandardWebhookSignature;
import dev.switchboard.signatures.TwilioSignature;
import dev.switchboard.signatures.ZendeskSignature;

import org.springframework.stereotype.Component;

/**
 * Sends the simulated providers' webhooks to the gateway, signed as each provider signs
 * them (by {@code webhook-signatures}, the implementation the gateway verifies with), and
 * tells what the gateway answered.
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
		return send(
				json("/webhooks/github", body).header("X-GitHub-Event", event)
					.header("X-GitHub-Delivery", delivery)
					.header(GithubSignature.HEADER, GithubSignature.sign(this.properties.githubSecret(), body)),
				delivery);
	}

	/**
	 * A Jira Cloud webhook: {@code X-Hub-Signature} over the body, a new
	 * {@code X-Atlassian-Webhook-Identifier}.
	 */
	public Delivery jira(byte[] body) {
		String identifier = UUID.randomUUID().toString();
		return send(json("/webhooks/jira", body).header(JiraSignature.IDENTIFIER_HEADER, identifier)
			.header(JiraSignature.HEADER, JiraSignature.sign(this.properties.jiraSecret(), body)), identifier);
	}

	/** A Zendesk event webhook, signed with the time of sending. */
	public Delivery zendesk(String eventId, byte[] body) {
		String timestamp = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
		return send(json("/webhooks/zendesk", body).header(ZendeskSignature.TIMESTAMP_HEADER, timestamp)
			.header(ZendeskSignature.HEADER, ZendeskSignature.sign(this.properties.zendeskSecret(), timestamp, body)),
				eventId);
	}

	/**
	 * A Statuspage webhook: unsigned, to the path that carries the secret token, as
	 * Statuspage sends it to the URL a subscriber gave.
	 */
	public Delivery statuspage(String updateId, byte[] body) {
		return send(json("/webhooks/statuspage/" + this.properties.statuspageToken(), body), updateId);
	}

	/**
	 * A remote-desktop vendor's session event, signed with Standard Webhooks: a new
	 * {@code webhook-id}, the time of sending.
	 */
	public Delivery remoteSession(byte[] body) {
		String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
		long timestamp = this.clock.instant().getEpochSecond();
		return send(
				json("/webhooks/remote-session", body).header(StandardWebhookSignature.ID_HEADER, id)
					.header(StandardWebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
					.header(StandardWebhookSignature.HEADER,
							StandardWebhookSignature.sign(this.properties.remoteSessionSecret(), id, timestamp, body)),
				id);
	}

	/**
	 * A Twilio status or recording callback: a form POST to the URL the call was given,
	 * signed over that URL and the parameters, with a new idempotency token.
	 */
	public Delivery twilio(URI callbackUrl, List<Map.Entry<String, String>> parameters) {
		String token = UUID.randomUUID().toString();
		String form = parameters.stream()
			.map((parameter) -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(callbackUrl)
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("I-Twilio-Idempotency-Token", token)
			.header(TwilioSignature.HEADER,
					TwilioSignature.sign(this.properties.twilioAuthToken(), callbackUrl.toString(), parameters))
			.POST(HttpRequest.BodyPublishers.ofString(form)), token);
	}

	/** Where Twilio sends the callbacks of calls to the support number. */
	public URI twilioCallbackUrl() {
		return URI.create(this.properties.gateway("/webhooks/twilio"));
	}

	private HttpRequest.Builder json(String path, byte[] body) {
		return HttpRequest.newBuilder(URI.create(this.properties.gateway(path)))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
