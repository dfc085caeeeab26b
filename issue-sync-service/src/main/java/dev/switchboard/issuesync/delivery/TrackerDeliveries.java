package dev.switchboard.issuesync.delivery;

import java.util.Set;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.ServiceNames;

import org.springframework.stereotype.Service;

/** Takes the trackers' deliveries off the bus, each one exactly once. */
@Service
public class TrackerDeliveries {

	private static final Set<String> OWNED = Set
		.copyOf(Provider.ownedBy(ServiceNames.ISSUE_SYNC).stream().map(Provider::id).toList());

	private final ReceivedDeliveries received;

	public TrackerDeliveries(ReceivedDeliveries received) {
		this.received = received;
	}

	public Recording accept(InboundDelivery delivery) {
		if (!OWNED.contains(delivery.provider())) {
			throw new IllegalArgumentException("issue-sync-service does not own " + delivery.provider()
					+ " deliveries (routing key " + delivery.routingKey() + ")");
		}
		return this.received.addIfAbsent(delivery) ? Recording.RECORDED : Recording.DUPLICATE;
	}

}
