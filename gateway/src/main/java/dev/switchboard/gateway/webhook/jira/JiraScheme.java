package dev.switchboard.gateway.webhook.jira;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.switchboard.contracts.Provider;
import dev.switchboard.gateway.webhook.SchemeVerdict;
import dev.switchboard.gateway.webhook.SecretScheme;
import dev.switchboard.gateway.webhook.Signatures;
import dev.switchboard.gateway.webhook.WebhookProperties;
import dev.switchboard.gateway.webhook.WebhookRequest;
import dev.switchboard.signatures.JiraSignature;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Jira Cloud webhooks: {@code X-Hub-Signature: sha256=<hex>} (no {@code -256}) over the
 * raw body; the event is the payload's {@code webhookEvent}; the delivery id is
 * {@code X-Atlassian-Webhook-Identifier} (the same on Jira's retries, which carry
 * {@code X-Atlassian-Webhook-Retry}).
 */
@Component
class JiraScheme extends SecretScheme {

	static final String SIGNATURE = JiraSignature.HEADER;

	static final String IDENTIFIER = JiraSignature.IDENTIFIER_HEADER;

	private static final Pattern EVENT = Pattern.compile("[A-Za-z0-9_:.-]{1,100}");

	private static final Pattern DELIVERY = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");

	private final JsonMapper json;

	JiraScheme(WebhookProperties properties, JsonMapper json) {
		super(Provider.JIRA, properties.jira());
		this.json = json;
	}

	@Override
	public Optional<SchemeVerdict.BadSignature> screen(WebhookRequest headersOnly) {
		String signature = headersOnly.header(SIGNATURE);
		return (signature != null && JiraSignature.digestOf(signature) != null) ? Optional.empty()
				: Optional.of(new SchemeVerdict.BadSignature(SIGNATURE + " is missing or not sha256=<64 hex digits>"));
	}

	@Override
	public SchemeVerdict check(WebhookRequest request) {
		String signature = request.header(SIGNATURE);
		if (signature == null) {
			return new SchemeVerdict.BadSignature(
					SIGNATURE + " is missing (Jira signs with X-Hub-Signature, " + "not GitHub's X-Hub-Signature-256)");
		}
		byte @Nullable [] presented = JiraSignature.digestOf(signature);
		if (!signedByAnySecret(
				(secret) -> Signatures.constantTimeEquals(JiraSignature.digest(secret, request.body()), presented))) {
			return new SchemeVerdict.BadSignature(SIGNATURE + " does not match the body");
		}
		String delivery = request.header(IDENTIFIER);
		if (delivery == null || !DELIVERY.matcher(delivery).matches()) {
			return new SchemeVerdict.Malformed(IDENTIFIER + " is missing or not a delivery id");
		}
		JsonNode payload;
		try {
			payload = this.json.readTree(request.body());
		}
		catch (JacksonException ex) {
			return new SchemeVerdict.Malformed("the body is not JSON");
		}
		String event = payload.path("webhookEvent").asString("");
		if (!payload.isObject() || !EVENT.matcher(event).matches()) {
			return new SchemeVerdict.Malformed("the body has no webhookEvent");
		}
		Map<String, String> kept = new HashMap<>(Map.of("x-atlassian-webhook-identifier", delivery));
		String retry = request.header("X-Atlassian-Webhook-Retry");
		if (retry != null) {
			kept.put("x-atlassian-webhook-retry", retry);
		}
		return new SchemeVerdict.Verified(delivery, event, kept);
	}

}
