package dev.switchboard.remotesession.session.teamviewer;

import java.time.Duration;

import dev.switchboard.remotesession.session.ProviderName;
import dev.switchboard.remotesession.session.VendorFailure;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps TeamViewer's error answers to a {@link VendorFailure}: 429 and 5xx are
 * unavailability (with the Retry-After, in seconds, when given), other 4xx refusals with
 * TeamViewer's own explanation ({@code error_description} or {@code error}).
 */
final class TeamviewerFailures {

	private static final int MAX_DETAIL = 200;

	private TeamviewerFailures() {
	}

	static VendorFailure of(int status, @Nullable String retryAfter, byte[] body, JsonMapper json) {
		if (status == 429) {
			return new VendorFailure.Unavailable(ProviderName.TEAMVIEWER, "rate limited (429)", seconds(retryAfter));
		}
		if (status >= 500) {
			return new VendorFailure.Unavailable(ProviderName.TEAMVIEWER, "answered " + status, seconds(retryAfter));
		}
		return new VendorFailure.Refused(ProviderName.TEAMVIEWER, status, explanation(status, body, json));
	}

	private static String explanation(int status, byte[] body, JsonMapper json) {
		try {
			JsonNode error = json.readTree(body);
			String text = TeamviewerSessionProvider.text(error, "error_description");
			if (text == null) {
				text = TeamviewerSessionProvider.text(error, "error");
			}
			if (text != null) {
				text = text.replaceAll("\\s+", " ");
				return "refused with " + status + ": "
						+ ((text.length() > MAX_DETAIL) ? text.substring(0, MAX_DETAIL) + "…" : text);
			}
		}
		catch (JacksonException ex) {
			// no JSON error body: the status says it all
		}
		return "refused with " + status;
	}

	private static @Nullable Duration seconds(@Nullable String retryAfter) {
		if (retryAfter == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.strip())));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
