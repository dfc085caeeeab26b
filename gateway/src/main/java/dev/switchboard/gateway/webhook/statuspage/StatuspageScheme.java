package dev.switchboard.gateway.webhook.statuspage;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

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
 * Statuspage webhooks are unsigned (and come from changing addresses): the secret is the
 * token in the path {@code /webhooks/statuspage/{token}}, compared in constant time. The
 * event is {@code incident} or {@code component}; the delivery id the newest incident
 * update's id, or the component update's id.
 */
@Component
class StatuspageScheme extends SecretScheme {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");

	private final JsonMapper json;

	StatuspageScheme(WebhookProperties properties, JsonMapper json) {
		super(Provider.STATUSPAGE, properties.statuspage().asSecrets());
		this.json = json;
	}

	/** The token is the whole credential: it is checked before the body is read. */
	@Override
	public Optional<SchemeVerdict.BadSignature> screen(WebhookRequest headersOnly) {
		String token = headersOnly.pathToken();
		if (token == null || !WebhookProperties.Token.wellFormed(token)
				|| !signedByAnySecret((secret) -> Signatures.constantTimeEquals(secret, token))) {
			return Optional.of(new SchemeVerdict.BadSignature("the token in the path is wrong"));
		}
		return Optional.empty();
	}

	@Override
	public SchemeVerdict check(WebhookRequest request) {
		Optional<SchemeVerdict.BadSignature> refused = screen(request);
		if (refused.isPresent()) {
			return refused.get();
		}
		JsonNode payload;
		try {
			payload = this.json.readTree(request.body());
		}
		catch (JacksonException ex) {
			return new SchemeVerdict.Malformed("the body is not JSON");
		}
		if (payload.path("incident").isObject()) {
			return newestUpdateId(payload.path("incident").path("incident_updates"))
				.<SchemeVerdict>map((id) -> new SchemeVerdict.Verified(id, "incident", Map.of()))
				.orElseGet(() -> new SchemeVerdict.Malformed("the incident has no incident_updates with ids"));
		}
		String componentUpdate = payload.path("component_update").path("id").asString("");
		if (payload.path("component").isObject() && ID.matcher(componentUpdate).matches()) {
			return new SchemeVerdict.Verified(componentUpdate, "component", Map.of());
		}
		return new SchemeVerdict.Malformed("the body is neither an incident nor a component update");
	}

	private static Optional<String> newestUpdateId(JsonNode updates) {
		return StreamSupport.stream(updates.spliterator(), false)
			.filter((update) -> ID.matcher(update.path("id").asString("")).matches())
			.max(Comparator.comparing(StatuspageScheme::createdAt))
			.map((update) -> update.path("id").asString());
	}

	private static Instant createdAt(JsonNode update) {
		try {
			return Instant.parse(update.path("created_at").asString(""));
		}
		catch (DateTimeParseException ex) {
			return Instant.EPOCH;
		}
	}

}
