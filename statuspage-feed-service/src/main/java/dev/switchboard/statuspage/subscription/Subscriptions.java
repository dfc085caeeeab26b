package dev.switchboard.statuspage.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

	void changeComponentAliases(UUID id, Map<String, List<String>> componentAliases, Instant now);

	boolean remove(UUID id);

	/** How many subscriptions are in the state. */
	long countIn(SubscriptionState state);

	/** Pending, failed, sent and unknown-outcome deliveries of a subscription. */
	DeliveryCounts counts(UUID id);

	record DeliveryCounts(long pending, long failed, long sent, long unknown) {

	}

	/** A subscription's deliveries, oldest first, optionally in one state only. */
	List<DeliveryRecord> deliveries(UUID id, @Nullable String state, int limit);

	/**
	 * Puts the subscription's failed (and unknown-outcome) deliveries back in its queue,
	 * due now with fresh attempts: they go out first, in their order.
	 * @return how many
	 */
	int retryFailed(UUID id, Instant now);

	/** One (subscription, update) row of the delivery ledger. */
	record DeliveryRecord(long seq, String incident, String title, String status, Instant postedAt, String state,
			int attempts, @Nullable String lastError, @Nullable Instant sentAt) {

	}

}
