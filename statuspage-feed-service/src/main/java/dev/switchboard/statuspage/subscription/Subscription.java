package dev.switchboard.statuspage.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A customer's channel subscribed to a source.
 *
 * @param components component names to deliver; empty = all
 */
public record Subscription(UUID id, String name, UUID feedId, Source source, Channel channel, List<String> components,
		SubscriptionState state, @Nullable String failureReason, Instant createdAt) {

	private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)([?&](?:sig|signature|token|key|code)=)[^&]*");

	private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");

	public Subscription {
		components = List.copyOf(components);
	}

	/**
	 * Whether an incident that affects these components concerns this subscription: an
	 * empty filter, unknown components and {@code impact: none} all deliver.
	 */
	public boolean wants(@Nullable List<String> affected, @Nullable String impact) {
		if (this.components.isEmpty() || affected == null || affected.isEmpty() || "none".equals(impact)) {
			return true;
		}
		return affected.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.anyMatch((name) -> this.components.stream()
				.anyMatch((wanted) -> wanted.toLowerCase(Locale.ROOT).equals(name)));
	}

	/** A URL with its credentials masked ({@code sig=***}, user info). */
	public static String masked(String url) {
		return SECRET_PARAMETER.matcher(USER_INFO.matcher(url).replaceFirst("$1***@")).replaceAll("$1***");
	}

}
