package dev.switchboard.gateway.summary;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An open status incident the ticket names a component of.
 *
 * @param code the incident's code on its status page
 * @param status {@code investigating}, {@code identified}, {@code monitoring}, …
 * @param since when its current status was posted
 */
public record Incident(String code, String title, String status, @Nullable String link, Instant since,
		List<String> components) {

	public Incident {
		components = List.copyOf(components);
	}

}
