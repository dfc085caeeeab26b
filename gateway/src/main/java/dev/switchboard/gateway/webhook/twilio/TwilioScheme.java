package dev.switchboard.gateway.webhook.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.switchboard.contracts.Provider;
import dev.switchboard.gateway.webhook.GatewayProperties;
import dev.switchboard.gateway.webhook.SchemeVerdict;
import dev.switchboard.gateway.webhook.SecretScheme;
import dev.switchboard.gateway.webhook.Signatures;
import dev.switchboard.gateway.webhook.WebhookProperties;
import dev.switchboard.gateway.webhook.WebhookRequest;
import dev.switchboard.signatures.TwilioSignature;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Twilio status callbacks: {@code X-Twilio-Signature} is the base64 HMAC-SHA1, keyed with
 * the auth token, of the full URL Twilio called (rebuilt from
 * {@code gateway.public-base-url}, never from the Host header) followed by every POST
 * parameter sorted by name, as name and value. The delivery id is
 * {@code I-Twilio-Idempotency-Token}; the event is {@code recording-status} for recording
 * callbacks, otherwise {@code call-status}.
 */
@Component
class TwilioScheme extends SecretScheme {

	static final String SIGNATURE = TwilioSignature.HEADER;

	static final String IDEMPOTENCY_TOKEN = TwilioSignature.IDEMPOTENCY_TOKEN_HEADER;

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");

	private final GatewayProperties gateway;

	TwilioScheme(WebhookProperties properties, GatewayProperties gateway) {
		super(Provider.TWILIO, properties.twilio());
		this.gateway = gateway;
	}

	@Override
	public Optional<SchemeVerdict.BadSignature> screen(WebhookRequest headersOnly) {
		String signature = headersOnly.header(SIGNATURE);
		return (signature != null && TwilioSignature.digestOf(signature) != null) ? Optional.empty()
				: Optional.of(new SchemeVerdict.BadSignature(SIGNATURE + " is missing or not a base64 HMAC-SHA1"));
	}

	@Override
	public SchemeVerdict check(WebhookRequest request) {
		String signature = request.header(SIGNATURE);
		if (signature == null) {
			return new SchemeVerdict.BadSignature(SIGNATURE + " is missing");
		}
		List<Map.Entry<String, String>> parameters;
		try {
			parameters = formParameters(request.body());
		}
		catch (IllegalArgumentException ex) {
			return new SchemeVerdict.BadSignature("the body is not a form, so " + SIGNATURE + " cannot match");
		}
		String url = this.gateway.publicUrl(request.pathAndQuery());
		byte @Nullable [] presented = TwilioSignature.digestOf(signature);
		if (!signedByAnySecret(
				(token) -> Signatures.constantTimeEquals(TwilioSignature.digest(token, url, parameters), presented))) {
			return new SchemeVerdict.BadSignature(SIGNATURE + " does not match " + url + " and the parameters");
		}
		String idempotencyToken = request.header(IDEMPOTENCY_TOKEN);
		if (idempotencyToken == null || !TOKEN.matcher(idempotencyToken).matches()) {
			return new SchemeVerdict.Malformed(IDEMPOTENCY_TOKEN + " is missing");
		}
		boolean recording = has(parameters, "RecordingSid") || has(parameters, "RecordingStatus");
		if (!recording && !has(parameters, "CallStatus")) {
			return new SchemeVerdict.Malformed("neither a call status nor a recording status callback");
		}
		return new SchemeVerdict.Verified(idempotencyToken, recording ? "recording-status" : "call-status",
				Map.of("i-twilio-idempotency-token", idempotencyToken));
	}

	private static boolean has(List<Map.Entry<String, String>> parameters, String name) {
		return parameters.stream().anyMatch((parameter) -> parameter.getKey().equals(name));
	}

	/**
	 * {@code application/x-www-form-urlencoded}, in order; an empty body has no
	 * parameters.
	 */
	static List<Map.Entry<String, String>> formParameters(byte[] body) {
		List<Map.Entry<String, String>> parameters = new ArrayList<>();
		String form = new String(body, StandardCharsets.US_ASCII);
		if (form.isBlank()) {
			return parameters;
		}
		for (String pair : form.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			parameters.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8)));
		}
		return parameters;
	}

}
