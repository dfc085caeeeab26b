package dev.switchboard.statuspage.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The subscriptions. */
public interface Subscriptions {

	void add(Subscription subscription, Instant now);

	Optional<Subscription> find(UUID id);

	List<Subscription> all();

	void changeState(UUID id, SubscriptionState state, @Nullable String reason, Instant now);

	void changeComponents(UUID id, List<String> components, Instant now);

	boolean remove(UUID id);

	/** How many subscriptions are in the state. */
	long countIn(SubscriptionState state);

	/** Pending and failed deliveries of a subscription. */
	DeliveryCounts counts(UUID id);

	record DeliveryCounts(long pending, long failed, long sent) {

	}

}
