package dev.switchboard.statuspage.posting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.statuspage.subscription.Channel;
import dev.switchboard.statuspage.subscription.Source;
import dev.switchboard.statuspage.subscription.Subscription;
import dev.switchboard.statuspage.subscription.SubscriptionState;
import org.jspecify.annotations.Nullable;

/** Subscriptions, updates and posts as the posting unit tests build them. */
public final class PostingFixtures {

	public static final Instant NOW = Instant.parse("2026-11-23T10:30:00Z");

	public static final UUID FEED = UUID.fromString("00000000-0000-0000-0000-00000000f00d");

	private PostingFixtures() {
	}

	public static Subscription subscription(Channel channel, String... components) {
		return new Subscription(UUID.randomUUID(), "Acme", FEED,
				new Source.Feed("https://status.example.com/history.atom"), channel, List.of(components),
				SubscriptionState.ACTIVE, null, NOW, Map.of());
	}

	public static IncidentView view(String incident, String status, @Nullable List<String> components) {
		return new IncidentView(UUID.randomUUID(), FEED, incident, "API errors",
				"https://status.example.com/incidents/" + incident, status, "We are looking into it.", "major",
				components, NOW.minusSeconds(60), "updated");
	}

	public static PendingPost post(long seq, Subscription subscription, IncidentView view) {
		return new PendingPost(seq, subscription.id(), 0, view);
	}

}
