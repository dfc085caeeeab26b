package dev.switchboard.gateway.webhook.github;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.switchboard.contracts.Provider;
import dev.switchboard.gateway.webhook.SchemeVerdict;
import dev.switchboard.gateway.webhook.SecretScheme;
import dev.switchboard.gateway.webhook.Signatures;
import dev.switchboard.gateway.webhook.WebhookProperties;
import dev.switchboard.gateway.webhook.WebhookRequest;
import dev.switchboard.signatures.GithubSignature;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * GitHub webhooks: {@code X-Hub-Signature-256: sha256=<hex>} over the raw body, delivery
 * id in {@code X-GitHub-Delivery}, event in {@code X-GitHub-Event}, a JSON object as
 * body.
 */
@Component
class GithubScheme extends SecretScheme {

	static final String SIGNATURE = GithubSignature.HEADER;

	private static final Pattern EVENT = Pattern.compile("[a-z_]{1,64}");

	private static final Pattern DELIVERY = Pattern.compile("[A-Za-z0-9-]{1,100}");

	private final JsonMapper json;

	GithubScheme(WebhookProperties properties, JsonMapper json) {
		super(Provider.GITHUB, properties.github());
		this.json = json;
	}

	@Override
	public Optional<SchemeVerdict.BadSignature> screen(WebhookRequest headersOnly) {
		String signature = headersOnly.header(SIGNATURE);
		return (signature != null && GithubSignature.digestOf(signature) != null) ? Optional.empty()
				: Optional.of(new SchemeVerdict.BadSignature(SIGNATURE + " is missing or not sha256=<64 hex digits>"));
	}

	@Override
	public SchemeVerdict check(WebhookRequest request) {
		String signature = request.header(SIGNATURE);
		if (signature == null) {
			return new SchemeVerdict.BadSignature(SIGNATURE + " is missing");
		}
		byte @Nullable [] presented = GithubSignature.digestOf(signature);
		if (!signedByAnySecret(
				(secret) -> Signatures.constantTimeEquals(GithubSignature.digest(secret, request.body()), presented))) {
			return new SchemeVerdict.BadSignature(SIGNATURE + " does not match the body");
		}
		String event = request.header("X-GitHub-Event");
		String delivery = request.header("X-GitHub-Delivery");
		if (event == null || !EVENT.matcher(event).matches()) {
			return new SchemeVerdict.Malformed("X-GitHub-Event is missing or not an event name");
		}
		if (delivery == null || !DELIVERY.matcher(delivery).matches()) {
			return new SchemeVerdict.Malformed("X-GitHub-Delivery is missing or not a delivery id");
		}
		if (!isJsonObject(request.body())) {
			return new SchemeVerdict.Malformed(
					"the body is not a JSON object (set the webhook's content type to application/json)");
		}
		return new SchemeVerdict.Verified(delivery, event,
				Map.of("x-github-event", event, "x-github-delivery", delivery));
	}

	/**
	 * Well-formed JSON whose top level is an object, read as tokens: no tree is built
	 * (the delivery log reads the few fields it summarises on its own).
	 */
	private boolean isJsonObject(byte[] body) {
		try (JsonParser parser = this.json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return false;
			}
			parser.skipChildren();
			return parser.nextToken() == null;
		}
		catch (JacksonException ex) {
			return false;
		}
	}

}
