package dev.switchboard.issuesync.delivery;

import java.util.Set;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.issuesync.issuechange.IssueChanges;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the trackers' deliveries off the bus, each one exactly once: the delivery is
 * recorded and applied in one transaction, whose messages are confirmed by the broker
 * before it commits. A repeat finds the record and changes nothing; a failure rolls the
 * record back, so the dead-lettered delivery applies in full when it is replayed.
 */
@Service
public class TrackerDeliveries {

	private static final Set<String> OWNED = Set
		.copyOf(Provider.ownedBy(ServiceNames.ISSUE_SYNC).stream().map(Provider::id).toList());

	private final ReceivedDeliveries received;

	private final IssueChanges changes;

	public TrackerDeliveries(ReceivedDeliveries received, IssueChanges changes) {
		this.received = received;
		this.changes = changes;
	}

	@Transactional
	public Recording accept(InboundDelivery delivery) {
		if (!OWNED.contains(delivery.provider())) {
			throw new IllegalArgumentException("issue-sync-service does not own " + delivery.provider()
					+ " deliveries (routing key " + delivery.routingKey() + ")");
		}
		if (!this.received.addIfAbsent(delivery)) {
			return Recording.DUPLICATE;
		}
		this.changes.on(delivery);
		return Recording.RECORDED;
	}

}
