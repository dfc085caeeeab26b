package dev.switchboard.crmbridge.delivery;

/** What the delivery routing counts about parked deliveries. */
public interface DeliveryMetrics {

	/** A delivery parked until the helpdesk can take it (a redelivery not). */
	void parked(String provider);

	/** A parked delivery processed. */
	void resumed(String provider);

}
