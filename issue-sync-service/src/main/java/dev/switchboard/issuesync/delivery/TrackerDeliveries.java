package dev.switchboard.issuesync.delivery;

import java.util.List;

import dev.switchboard.issuesync.issuechange.IssueChanges;
import dev.switchboard.issuesync.tracker.IssueChange;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the trackers' deliveries, each one exactly once: the delivery is recorded and
 * its changes (read from its body at the messaging edge) applied in one transaction,
 * whose messages are confirmed by the broker before it commits. A repeat finds the record
 * and changes nothing; a failure rolls the record back, so the dead-lettered delivery
 * applies in full when it is replayed.
 */
@Service
public class TrackerDeliveries {

	private final ReceivedDeliveries received;

	private final IssueChanges changes;

	public TrackerDeliveries(ReceivedDeliveries received, IssueChanges changes) {
		this.received = received;
		this.changes = changes;
	}

	/**
	 * @param changes what the delivery reports; empty for events issue-sync does not
	 * follow (the delivery is still recorded)
	 */
	@Transactional
	public Recording accept(ReceivedDelivery delivery, List<IssueChange> changes) {
		if (!this.received.addIfAbsent(delivery)) {
			return Recording.DUPLICATE;
		}
		changes.forEach(this.changes::apply);
		return Recording.RECORDED;
	}

}
