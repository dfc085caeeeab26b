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

	static final String SIGNATURE = "X-Hub-Signature";

	static final String IDENTIFIER = "X-Atlassian-Webhook-Identifier";

	private static final Pattern EVENT = Pattern.compile("[A-Za-z0-9_:.-]{1,100}");

	private static final Pattern DELIVERY = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");

	private final JsonMapper json;

	JiraScheme(WebhookProperties properties, JsonMapper json) {
		super(Provider.JIRA, properties.jira());
		this.json = json;
	}

	static String sign(String secret, byte[] body) {
		return "sha256=" + Signatures.hex(Signatures.hmacSha256(secret, body));
	}

	private static final Pattern SIGNATURE_FORM = Pattern.compile("sha256=[0-9a-f]{64}");

	@Override
	public Optional<SchemeVerdict.BadSignature> screen(WebhookRequest headersOnly) {
		String signature = headersOnly.header(SIGNATURE);
		return (signature != null && SIGNATURE_FORM.matcher(signature).matches()) ? Optional.empty()
				: Optional.of(new SchemeVerdict.BadSignature(SIGNATURE + " is missing or not sha256=<64 hex digits>"));
	}

	@Override
	public SchemeVerdict check(WebhookRequest request) {
		String signature = request.header(SIGNATURE);
		if (signature == null) {
			return new SchemeVerdict.BadSignature(
					SIGNATURE + " is missing (Jira signs with X-Hub-Signature, " + "not GitHub's X-Hub-Signature-256)");
		}
		if (!signedByAnySecret((secret) -> Signatures.constantTimeEquals(sign(secret, request.body()), signature))) {
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
