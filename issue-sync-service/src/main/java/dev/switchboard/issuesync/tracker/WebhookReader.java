package dev.switchboard.issuesync.tracker;

import java.util.List;

import dev.switchboard.contracts.InboundDelivery;

/**
 * Turns one tracker's webhook deliveries into issue changes: the inbound messaging edge
 * picks the reader by provider and hands the changes on, so no use case sees a raw
 * delivery.
 */
public interface WebhookReader {

	Tracker tracker();

	/**
	 * @return the changes the delivery reports; empty for events issue-sync does not
	 * follow
	 */
	List<IssueChange> read(InboundDelivery delivery);

}
