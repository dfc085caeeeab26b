package dev.switchboard.statuspage.subscription;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.statuspage.incident.AffectedComponents;
import dev.switchboard.statuspage.incident.MaskedUrls;
import org.jspecify.annotations.Nullable;

/**
 * A customer's channel subscribed to a source.
 *
 * @param components component names to deliver; empty = all
 * @param componentAliases other names a ticket may use for a component (component name →
 * aliases), for incident notes on tickets; empty = the components' own names only
 */
public record Subscription(UUID id, String name, UUID feedId, Source source, Channel channel, List<String> components,
		SubscriptionState state, @Nullable String failureReason, Instant createdAt,
		Map<String, List<String>> componentAliases) {

	public Subscription {
		components = List.copyOf(components);
		Map<String, List<String>> aliases = new LinkedHashMap<>();
		componentAliases.forEach((component, names) -> aliases.put(component, List.copyOf(names)));
		componentAliases = java.util.Collections.unmodifiableMap(aliases);
	}

	/**
	 * Whether an incident that affects these components concerns this subscription: an
	 * empty filter delivers everything; unknown components (neither the feed nor a
	 * webhook named any, after the webhook grace) and an incident that names none deliver
	 * too. Otherwise one subscribed name must be among the affected ones, whatever the
	 * incident's impact ({@code none} included).
	 */
	public boolean wants(@Nullable List<String> affected) {
		if (this.components.isEmpty() || affected == null || affected.isEmpty()) {
			return true;
		}
		return this.components.stream().anyMatch((wanted) -> AffectedComponents.names(affected, wanted));
	}

	/** A URL with its credentials masked ({@code sig=***}, user info). */
	public static String masked(String url) {
		return MaskedUrls.masked(url);
	}

}
