package dev.switchboard.gateway.webhook.zendesk;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
import dev.switchboard.signatures.ZendeskSignature;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Zendesk event webhooks: {@code X-Zendesk-Webhook-Signature} is the base64 HMAC-SHA256
 * of the timestamp header followed by the raw body; the timestamp must be within five
 * minutes. The event is the payload's {@code type}; the delivery id its {@code id} (not
 * {@code X-Zendesk-Webhook-Id}, which names the webhook and is the same on every
 * delivery).
 */
@Component
class ZendeskScheme extends SecretScheme {

	static final String SIGNATURE = ZendeskSignature.HEADER;

	static final String TIMESTAMP = ZendeskSignature.TIMESTAMP_HEADER;

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:.-]{1,200}");

	private final JsonMapper json;

	private final Clock clock;

	ZendeskScheme(WebhookProperties properties, JsonMapper json, Clock clock) {
		super(Provider.ZENDESK, properties.zendesk());
		this.json = json;
		this.clock = clock;
	}

	@Override
	public Optional<SchemeVerdict.BadSignature> screen(WebhookRequest headersOnly) {
		String signature = headersOnly.header(SIGNATURE);
		String timestamp = headersOnly.header(TIMESTAMP);
		if (signature == null || timestamp == null || ZendeskSignature.digestOf(signature) == null) {
			return Optional.of(new SchemeVerdict.BadSignature(
					SIGNATURE + " (base64 of an HMAC-SHA256) and " + TIMESTAMP + " are required"));
		}
		return fresh(timestamp) ? Optional.empty()
				: Optional.of(new SchemeVerdict.BadSignature(TIMESTAMP + " is more than five minutes away from now"));
	}

	@Override
	public SchemeVerdict check(WebhookRequest request) {
		String signature = request.header(SIGNATURE);
		String timestamp = request.header(TIMESTAMP);
		if (signature == null || timestamp == null) {
			return new SchemeVerdict.BadSignature(SIGNATURE + " and " + TIMESTAMP + " are required");
		}
		byte @Nullable [] presented = ZendeskSignature.digestOf(signature);
		if (!signedByAnySecret((secret) -> Signatures
			.constantTimeEquals(ZendeskSignature.digest(secret, timestamp, request.body()), presented))) {
			return new SchemeVerdict.BadSignature(SIGNATURE + " does not match the timestamp and body");
		}
		if (!fresh(timestamp)) {
			return new SchemeVerdict.BadSignature(TIMESTAMP + " is more than five minutes away from now");
		}
		JsonNode payload;
		try {
			payload = this.json.readTree(request.body());
		}
		catch (JacksonException ex) {
			return new SchemeVerdict.Malformed("the body is not JSON");
		}
		String event = payload.path("type").asString("");
		String delivery = payload.path("id").asString("");
		if (!TOKEN.matcher(event).matches() || !TOKEN.matcher(delivery).matches()) {
			return new SchemeVerdict.Malformed("the body is not a Zendesk event (no id or type)");
		}
		return new SchemeVerdict.Verified(delivery, event, Map.of("x-zendesk-webhook-signature-timestamp", timestamp));
	}

	private boolean fresh(String timestamp) {
		try {
			return Freshness.fresh(Instant.parse(timestamp), this.clock);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
