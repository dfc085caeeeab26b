package dev.switchboard.issuesync.delivery;

import dev.switchboard.contracts.InboundDelivery;

/** The deliveries this service has received, one entry per provider delivery. */
public interface ReceivedDeliveries {

	/**
	 * Records the delivery unless one with the same provider and delivery id is recorded
	 * already; safe under concurrent redeliveries (a database constraint decides).
	 * @return whether it was new
	 */
	boolean addIfAbsent(InboundDelivery delivery);

	long count();

}
