package dev.switchboard.gateway.webhook.remotesession;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.switchboard.contracts.Provider;
import dev.switchboard.gateway.webhook.Freshness;
import dev.switchboard.gateway.webhook.SchemeVerdict;
import dev.switchboard.gateway.webhook.SecretScheme;
import dev.switchboard.gateway.webhook.Signatures;
import dev.switchboard.gateway.webhook.WebhookProperties;
import dev.switchboard.gateway.webhook.WebhookRequest;
import dev.switchboard.signatures.StandardWebhookSignature;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Remote-session vendors' events, signed with Standard Webhooks:
 * {@code webhook-signature} holds one or more {@code v1,<base64>} of
 * {@code id.timestamp.body} (signed by the library), {@code webhook-timestamp} must be
 * within five minutes of this gateway's clock, {@code webhook-id} is the delivery id.
 */
@Component
class StandardWebhooksScheme extends SecretScheme {

	private static final Pattern TYPE = Pattern.compile("[a-z_.]{1,64}");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");

	private final JsonMapper json;

	private final Clock clock;

	StandardWebhooksScheme(WebhookProperties properties, JsonMapper json, Clock clock) {
		super(Provider.REMOTE_SESSION, properties.remoteSession());
		this.json = json;
		this.clock = clock;
	}

	@Override
	public Optional<SchemeVerdict.BadSignature> screen(WebhookRequest headersOnly) {
		String id = headersOnly.header("webhook-id");
		String timestamp = headersOnly.header("webhook-timestamp");
		String signatures = headersOnly.header("webhook-signature");
		if (id == null || timestamp == null || signatures == null || !ID.matcher(id).matches()
				|| !signatures.contains("v1,")) {
			return Optional
				.of(new SchemeVerdict.BadSignature("webhook-id, webhook-timestamp and webhook-signature are required"));
		}
		try {
			return Freshness.fresh(Instant.ofEpochSecond(Long.parseLong(timestamp)), this.clock) ? Optional.empty()
					: Optional.of(new SchemeVerdict.BadSignature(
							"webhook-timestamp is more than five minutes away from now"));
		}
		catch (NumberFormatException | java.time.DateTimeException ex) {
			return Optional.of(new SchemeVerdict.BadSignature("webhook-timestamp is not a number of seconds"));
		}
	}

	@Override
	public SchemeVerdict check(WebhookRequest request) {
		String id = request.header("webhook-id");
		String timestamp = request.header("webhook-timestamp");
		String signatures = request.header("webhook-signature");
		if (id == null || timestamp == null || signatures == null || !ID.matcher(id).matches()) {
			return new SchemeVerdict.BadSignature("webhook-id, webhook-timestamp and webhook-signature are required");
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return new SchemeVerdict.BadSignature("webhook-timestamp is not a number of seconds");
		}
		List<byte[]> presented = StandardWebhookSignature.digestsOf(signatures);
		if (!signedByAnySecret((secret) -> matchesAny(secret, id, seconds, request.body(), presented))) {
			return new SchemeVerdict.BadSignature("webhook-signature does not match id, timestamp and body");
		}
		if (!Freshness.fresh(Instant.ofEpochSecond(seconds), this.clock)) {
			return new SchemeVerdict.BadSignature("webhook-timestamp is more than five minutes away from now");
		}
		try {
			JsonNode payload = this.json.readTree(request.body());
			String type = payload.path("type").asString("");
			if (!TYPE.matcher(type).matches() || !payload.path("providerSessionId").isString()) {
				return new SchemeVerdict.Malformed("the body is not a session event (type, providerSessionId)");
			}
			return new SchemeVerdict.Verified(id, type, Map.of("webhook-id", id, "webhook-timestamp", timestamp));
		}
		catch (JacksonException ex) {
			return new SchemeVerdict.Malformed("the body is not JSON");
		}
	}

	/**
	 * The header may list several space-separated signatures (during the sender's own key
	 * rotation); each is compared, none short-circuits. A configured secret the library
	 * cannot key with matches nothing.
	 */
	private static boolean matchesAny(String secret, String id, long seconds, byte[] body, List<byte[]> presented) {
		byte[] expected;
		try {
			expected = StandardWebhookSignature.digest(secret, id, seconds, body);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return presented.stream()
			.map((candidate) -> Signatures.constantTimeEquals(expected, candidate))
			.reduce(false, Boolean::logicalOr);
	}

}
