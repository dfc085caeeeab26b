package dev.switchboard.gateway.webhook;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

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
		// a loop rather than a stream: built twice per webhook, on its hot path
		Map<String, String> lowered = new HashMap<>(headers.size() * 2);
		for (Map.Entry<String, String> header : headers.entrySet()) {
			lowered.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT), header.getValue());
		}
		headers = Collections.unmodifiableMap(lowered);
	}

	public WebhookRequest(Map<String, String> headers, byte[] body) {
		this(headers, body, "/", null);
	}

	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

}
