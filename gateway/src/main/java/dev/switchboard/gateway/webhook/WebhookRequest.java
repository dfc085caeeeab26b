package dev.switchboard.gateway.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A webhook request as it arrived: header names in lower case, the body's raw bytes
 * (signatures are checked on exactly these), the path and query as called (Twilio signs
 * the URL) and, for providers that authenticate by a secret in the path (Statuspage),
 * that path token.
 */
public record WebhookRequest(Map<String, String> headers, byte[] body, String pathAndQuery,
		@Nullable String pathToken) {

	public WebhookRequest {
		headers = headers.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap((entry) -> entry.getKey().toLowerCase(Locale.ROOT),
					Map.Entry::getValue, (first, second) -> first));
	}

	public WebhookRequest(Map<String, String> headers, byte[] body) {
		this(headers, body, "/", null);
	}

	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

}
