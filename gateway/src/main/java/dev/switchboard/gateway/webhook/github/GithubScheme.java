package dev.switchboard.gateway.webhook.github;

import java.util.Map;
import java.util.regex.Pattern;

import dev.switchboard.contracts.Provider;
import dev.switchboard.gateway.webhook.ProviderScheme;
import dev.switchboard.gateway.webhook.SchemeVerdict;
import dev.switchboard.gateway.webhook.WebhookProperties;
import dev.switchboard.gateway.webhook.WebhookRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * GitHub webhooks: {@code X-Hub-Signature-256} over the raw body (the current or the
 * previous secret), delivery id in {@code X-GitHub-Delivery}, event in
 * {@code X-GitHub-Event}, a JSON object as body.
 */
@Component
class GithubScheme implements ProviderScheme {

	private static final Pattern EVENT = Pattern.compile("[a-z_]{1,64}");

	private static final Pattern DELIVERY = Pattern.compile("[A-Za-z0-9-]{1,100}");

	private final WebhookProperties.Secrets secrets;

	private final JsonMapper json;

	GithubScheme(WebhookProperties properties, JsonMapper json) {
		this.secrets = properties.github();
		this.json = json;
	}

	@Override
	public Provider provider() {
		return Provider.GITHUB;
	}

	@Override
	public boolean enabled() {
		return this.secrets.configured();
	}

	@Override
	public long maxBodyBytes() {
		return this.secrets.maxBody().toBytes();
	}

	@Override
	public SchemeVerdict check(WebhookRequest request) {
		String signature = request.header("X-Hub-Signature-256");
		String secret = this.secrets.secret();
		if (secret == null || secret.isBlank()) {
			return new SchemeVerdict.BadSignature("no GitHub secret is configured");
		}
		if (signature == null) {
			return new SchemeVerdict.BadSignature("X-Hub-Signature-256 is missing");
		}
		if (!signedWithAnyKnownSecret(secret, request.body(), signature)) {
			return new SchemeVerdict.BadSignature("X-Hub-Signature-256 does not match the body");
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
					"the body is not a JSON object (set the webhook's content type " + "to application/json)");
		}
		return new SchemeVerdict.Verified(delivery, event,
				Map.of("x-github-event", event, "x-github-delivery", delivery));
	}

	private boolean signedWithAnyKnownSecret(String secret, byte[] body, String signature) {
		String previous = this.secrets.previousSecret();
		boolean current = HmacSha256.matches(secret, body, signature);
		boolean rotated = previous != null && !previous.isBlank() && HmacSha256.matches(previous, body, signature);
		return current | rotated;
	}

	private boolean isJsonObject(byte[] body) {
		try {
			JsonNode node = this.json.readTree(body);
			return node != null && node.isObject();
		}
		catch (JacksonException ex) {
			return false;
		}
	}

}
