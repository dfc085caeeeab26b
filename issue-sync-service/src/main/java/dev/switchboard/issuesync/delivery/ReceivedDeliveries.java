package dev.switchboard.issuesync.delivery;

/** The deliveries this service has received, one entry per provider delivery. */
public interface ReceivedDeliveries {

	/**
	 * Records the delivery unless one with the same provider and delivery id is recorded
	 * already; safe under concurrent redeliveries (a database constraint decides).
	 * @return whether it was new
	 */
	boolean addIfAbsent(ReceivedDelivery delivery);

	long count();

}
