package dev.switchboard.statuspage.posting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.statuspage.subscription.Subscription;
import dev.switchboard.statuspage.subscription.SubscriptionState;
import dev.switchboard.statuspage.subscription.Subscriptions;
import org.jspecify.annotations.Nullable;

/** Subscriptions in a map; the ledger views of the API are not posting's business. */
public class InMemorySubscriptions implements Subscriptions {

	public final Map<UUID, Subscription> byId = new LinkedHashMap<>();

	@Override
	public void add(Subscription subscription, Instant now) {
		this.byId.put(subscription.id(), subscription);
	}

	@Override
	public Optional<Subscription> find(UUID id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	@Override
	public List<Subscription> all() {
		return List.copyOf(this.byId.values());
	}

	@Override
	public void changeState(UUID id, SubscriptionState state, @Nullable String reason, Instant now) {
		Subscription s = existing(id);
		this.byId.put(id, new Subscription(s.id(), s.name(), s.feedId(), s.source(), s.channel(), s.components(), state,
				reason, s.createdAt(), s.componentAliases()));
	}

	@Override
	public void changeComponents(UUID id, List<String> components, Instant now) {
		Subscription s = existing(id);
		this.byId.put(id, new Subscription(s.id(), s.name(), s.feedId(), s.source(), s.channel(), components, s.state(),
				s.failureReason(), s.createdAt(), s.componentAliases()));
	}

	@Override
	public void changeComponentAliases(UUID id, Map<String, List<String>> componentAliases, Instant now) {
		Subscription s = existing(id);
		this.byId.put(id, new Subscription(s.id(), s.name(), s.feedId(), s.source(), s.channel(), s.components(),
				s.state(), s.failureReason(), s.createdAt(), componentAliases));
	}

	private Subscription existing(UUID id) {
		Subscription subscription = this.byId.get(id);
		if (subscription == null) {
			throw new IllegalStateException("No subscription " + id);
		}
		return subscription;
	}

	@Override
	public boolean remove(UUID id) {
		return this.byId.remove(id) != null;
	}

	@Override
	public long countIn(SubscriptionState state) {
		return this.byId.values().stream().filter((s) -> s.state() == state).count();
	}

	@Override
	public DeliveryCounts counts(UUID id) {
		throw new UnsupportedOperationException("the API's view, not used by posting");
	}

	@Override
	public List<DeliveryRecord> deliveries(UUID id, @Nullable String state, int limit) {
		throw new UnsupportedOperationException("the API's view, not used by posting");
	}

	@Override
	public int retryFailed(UUID id, Instant now) {
		throw new UnsupportedOperationException("the API's view, not used by posting");
	}

}
