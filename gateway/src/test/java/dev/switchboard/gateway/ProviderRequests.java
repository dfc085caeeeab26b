package dev.switchboard.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.switchboard.signatures.GithubSignature;
import dev.switchboard.signatures.JiraSignature;
import dev.switchboard.signatures.StandardWebhookSignature;
import dev.switchboard.signatures.TwilioSignature;
import dev.switchboard.signatures.ZendeskSignature;

/**
 * Webhook requests signed the way each provider signs them, with the secrets of
 * {@link GatewayIntegrationTest}. Payloads are the providers' wire formats (trimmed).
 */
public final class ProviderRequests {

	private ProviderRequests() {
	}

	/** What to POST where. */
	public record Signed(String path, Map<String, String> headers, byte[] body) {

		public Signed withHeader(String name, String value) {
			Map<String, String> copy = new LinkedHashMap<>(this.headers);
			copy.put(name, value);
			return new Signed(this.path, copy, this.body);
		}

		public Signed withoutHeader(String name) {
			Map<String, String> copy = new LinkedHashMap<>(this.headers);
			copy.remove(name);
			return new Signed(this.path, copy, this.body);
		}

	}

	public static Signed github(String deliveryId, byte[] body) {
		return new Signed("/webhooks/github",
				headers("X-GitHub-Event", "issues", "X-GitHub-Delivery", deliveryId, "X-Hub-Signature-256",
						GithubSignature.sign(GatewayIntegrationTest.GITHUB_SECRET, body), "Content-Type",
						"application/json"),
				body);
	}

	public static Signed jira(String deliveryId) {
		byte[] body = ("{\"timestamp\":1795437600000,\"webhookEvent\":\"jira:issue_updated\",\"issue_event_type_name\":\"issue_generic\","
				+ "\"issue\":{\"id\":\"10002\",\"key\":\"SUP-7\",\"fields\":{\"status\":{\"name\":\"Done\",\"statusCategory\":{\"key\":\"done\"}}}},"
				+ "\"changelog\":{\"items\":[{\"field\":\"status\",\"fromString\":\"In Progress\",\"toString\":\"Done\"}]}}")
			.getBytes(StandardCharsets.UTF_8);
		return new Signed("/webhooks/jira",
				headers("X-Hub-Signature", JiraSignature.sign(GatewayIntegrationTest.JIRA_SECRET, body),
						"X-Atlassian-Webhook-Identifier", deliveryId, "Content-Type", "application/json"),
				body);
	}

	public static Signed zendesk(String eventId, Instant signedAt) {
		byte[] body = ("{\"account_id\":22129848,\"detail\":{\"id\":\"35436\",\"status\":\"OPEN\",\"subject\":\"Printer on fire\","
				+ "\"requester_id\":\"8193592318236\",\"updated_at\":\"2026-11-23T10:00:00Z\"},"
				+ "\"event\":{\"comment\":{\"id\":\"1494\",\"body\":\"See https://github.com/o/r/issues/42\",\"is_public\":false,"
				+ "\"author\":{\"id\":\"9001\",\"is_staff\":true,\"name\":\"Ada Agent\"}}}," + "\"id\":\"" + eventId
				+ "\",\"subject\":\"zen:ticket:35436\",\"time\":\"2026-11-23T10:00:00Z\","
				+ "\"type\":\"zen:event-type:ticket.comment_added\",\"zendesk_event_version\":\"2022-11-06\"}")
			.getBytes(StandardCharsets.UTF_8);
		String timestamp = signedAt.toString();
		return new Signed("/webhooks/zendesk",
				headers("X-Zendesk-Webhook-Signature",
						ZendeskSignature.sign(GatewayIntegrationTest.ZENDESK_SECRET, timestamp, body),
						"X-Zendesk-Webhook-Signature-Timestamp", timestamp, "X-Zendesk-Webhook-Id", "01HWEBHOOKID",
						"Content-Type", "application/json"),
				body);
	}

	public static Signed twilio(String idempotencyToken) {
		String form = "AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=2010-04-01&CallDuration=42"
				+ "&CallSid=CA5f1c0a3e1a2b3c4d5e6f708192a3b4c5&CallStatus=completed&Called=%2B14155550100"
				+ "&Direction=inbound&From=%2B14155550123&SequenceNumber=3&Timestamp=Mon%2C+23+Nov+2026+10%3A00%3A00+%2B0000"
				+ "&To=%2B14155550100";
		byte[] body = form.getBytes(StandardCharsets.US_ASCII);
		List<Map.Entry<String, String>> parameters = Stream.of(form.split("&"))
			.map((pair) -> pair.split("=", 2))
			.map((nameValue) -> Map.entry(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
					URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8)))
			.toList();
		String signature = TwilioSignature.sign(GatewayIntegrationTest.TWILIO_AUTH_TOKEN,
				"https://hooks.example.com/switchboard/webhooks/twilio?leg=parent", parameters);
		return new Signed("/webhooks/twilio?leg=parent", headers("X-Twilio-Signature", signature,
				"I-Twilio-Idempotency-Token", idempotencyToken, "Content-Type", "application/x-www-form-urlencoded"),
				body);
	}

	public static Signed remoteSession(String webhookId, long timestamp) {
		byte[] body = ("{\"type\":\"session.ended\",\"providerSessionId\":\"s12-345-678\",\"occurredAt\":\"2026-11-23T10:30:00Z\","
				+ "\"agent\":\"ada@example.com\",\"host\":\"LAPTOP-7\",\"durationSeconds\":1260,\"endReason\":\"agent_ended\","
				+ "\"recordingUrl\":null}")
			.getBytes(StandardCharsets.UTF_8);
		String signature = StandardWebhookSignature.sign(GatewayIntegrationTest.REMOTE_SESSION_SECRET, webhookId,
				timestamp, body);
		return new Signed(
				"/webhooks/remote-session", headers("webhook-id", webhookId, "webhook-timestamp",
						Long.toString(timestamp), "webhook-signature", signature, "Content-Type", "application/json"),
				body);
	}

	public static Signed statuspage(String updateId) {
		byte[] body = ("{\"meta\":{\"unsubscribe\":\"https://status.example.com/?unsubscribe=x\"},"
				+ "\"page\":{\"id\":\"j2mfxwj97wnj\",\"status_indicator\":\"minor\",\"status_description\":\"Minor Service Outage\"},"
				+ "\"incident\":{\"id\":\"lbkhbwn21v5q\",\"name\":\"Delayed webhooks\",\"status\":\"investigating\",\"impact\":\"minor\","
				+ "\"created_at\":\"2026-11-23T09:50:00.000Z\",\"updated_at\":\"2026-11-23T09:50:00.000Z\","
				+ "\"incident_updates\":[{\"id\":\"" + updateId
				+ "\",\"status\":\"investigating\",\"body\":\"We are looking into it.\","
				+ "\"created_at\":\"2026-11-23T09:50:00.000Z\",\"affected_components\":[{\"code\":\"b13yz5g2cw10\",\"name\":\"API\"}]}]}}")
			.getBytes(StandardCharsets.UTF_8);
		return new Signed("/webhooks/statuspage/" + GatewayIntegrationTest.STATUSPAGE_TOKEN,
				headers("Content-Type", "application/json"), body);
	}

	private static Map<String, String> headers(String... namesAndValues) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

}
